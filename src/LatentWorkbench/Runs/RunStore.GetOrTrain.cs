namespace LatentWorkbench.Runs;

public sealed partial class RunStore
{
    /// <summary>
    /// Returns the completed run of <paramref name="key"/> when one exists with its checkpoint on disk; otherwise
    /// (or always, with <paramref name="force"/>) begins a run, calls <paramref name="train"/> and completes it
    /// with the checkpoint path it returns.
    /// </summary>
    /// <param name="key">Model and config (<see cref="RunKey.For{TConfig}"/>).</param>
    /// <param name="device">Where training would run, e.g. <c>cpu</c>.</param>
    /// <param name="train">
    /// Trains and returns the checkpoint file it wrote. It receives the run's recorder for per-epoch metrics and
    /// a checkpoint path of the run's own (<see cref="IRunRecorder.CheckpointPath"/>); it must not finish the run.
    /// </param>
    /// <param name="force">Train even when a cached run exists (the new run becomes the cached one once it completes).</param>
    /// <remarks>
    /// When <paramref name="train"/> throws, the run is marked failed with the exception's message and the
    /// exception propagates; the earlier completed run, if any, stays the cached one. Two processes that miss
    /// at the same moment both train; later lookups return the newer of the two.
    /// </remarks>
    public CachedOrTrained GetOrTrain(RunKey key, string device, Func<IRunRecorder, string> train, bool force = false)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(train);
        if (!force && TryFindCompleted(key.ConfigHash) is { } cached)
        {
            return new CachedOrTrained(cached, FromCache: true);
        }

        using var run = Begin(key, device);
        try
        {
            string checkpoint = train(run);
            if (run.Status != RunStatus.Running)
            {
                throw new InvalidOperationException($"The train function finished run {run.RunId} itself; it should only return the checkpoint path.");
            }

            return new CachedOrTrained(run.Complete(checkpoint), FromCache: false);
        }
        catch (Exception e) when (run.Status == RunStatus.Running)
        {
            // Training threw, or returned a checkpoint that is not there: record why, keep the exception.
            run.Fail(e is OperationCanceledException ? "cancelled" : $"{e.GetType().Name}: {e.Message}");
            throw;
        }
    }

    /// <summary>The same as <see cref="GetOrTrain(RunKey, string, Func{IRunRecorder, string}, bool)"/> for a config record.</summary>
    public CachedOrTrained GetOrTrain<TConfig>(string model, TConfig config, string device, Func<IRunRecorder, string> train, bool force = false) =>
        GetOrTrain(RunKey.For(model, config), device, train, force);
}
