namespace LatentWorkbench.Runs;

/// <summary>One run as the store holds it.</summary>
/// <param name="Id">The store's id for the run, increasing in start order.</param>
/// <param name="Model">Model kind (see <see cref="RunKey.Model"/>).</param>
/// <param name="ConfigHash">See <see cref="RunKey.ConfigHash"/>.</param>
/// <param name="ConfigJson">The config in canonical JSON.</param>
/// <param name="Device">Where it trained, e.g. <c>cpu</c> or <c>cuda:0</c>.</param>
/// <param name="CodeVersion">The code that trained it (see <see cref="Runs.CodeVersion"/>).</param>
/// <param name="Status">Running, completed or failed.</param>
/// <param name="Message">Why it failed; null otherwise.</param>
/// <param name="CheckpointPath">Full path of the checkpoint a completed run produced; null otherwise.</param>
/// <param name="StartedUtc">When it began (UTC).</param>
/// <param name="EndedUtc">When it completed or failed (UTC); null while running.</param>
/// <param name="Duration">Wall-clock time from begin to end, measured by the process that trained it; null while running.</param>
/// <param name="Epochs">Per-epoch metrics in epoch order.</param>
public sealed record RunRecord(
    long Id,
    string Model,
    string ConfigHash,
    string ConfigJson,
    string Device,
    string CodeVersion,
    RunStatus Status,
    string? Message,
    string? CheckpointPath,
    DateTime StartedUtc,
    DateTime? EndedUtc,
    TimeSpan? Duration,
    IReadOnlyList<EpochMetrics> Epochs)
{
    /// <summary>The first 12 hex digits of <see cref="ConfigHash"/>.</summary>
    public string ShortHash => ConfigHash[..Math.Min(12, ConfigHash.Length)];

    /// <summary>The last epoch's metrics, or an empty map before the first epoch is recorded.</summary>
    public IReadOnlyDictionary<string, double> FinalMetrics =>
        Epochs.Count == 0 ? new Dictionary<string, double>() : Epochs[^1].Values;

    /// <summary>True when the run completed and its checkpoint file is still on disk.</summary>
    public bool HasCheckpoint => Status == RunStatus.Completed && CheckpointPath is not null && File.Exists(CheckpointPath);
}
