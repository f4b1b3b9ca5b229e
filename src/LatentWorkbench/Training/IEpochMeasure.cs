namespace LatentWorkbench.Training;

/// <summary>
/// A training callback that measures the model after each epoch (collapse diagnostics, sample diversity); the
/// <see cref="Trainer"/> adds its values to the epoch's <see cref="EpochReport.Terms"/>, so they are shown, recorded in
/// the run store with the losses, and read back for a cached run.
/// </summary>
/// <remarks>Called after the epoch's checkpoint, before any <see cref="ITrainingCallback.OnEpochEnd"/>; the model is put
/// back in training mode afterwards, so a measure may switch it to eval mode. Draw randomness from a generator of your own,
/// never torch's global one, or measuring would change the training run.</remarks>
public interface IEpochMeasure : ITrainingCallback
{
    /// <summary>Named values measured on the weights at the end of <paramref name="epoch"/> (1-based).</summary>
    IReadOnlyDictionary<string, double> Measure(int epoch);
}
