namespace LatentWorkbench.Runs;

/// <summary>What <see cref="RunStore.GetOrTrain"/> returns: a completed run, and whether it came from the cache.</summary>
/// <param name="Run">The completed run; its <see cref="RunRecord.CheckpointPath"/> is the file to load.</param>
/// <param name="FromCache">True when an earlier run was reused, false when this call trained.</param>
public sealed record CachedOrTrained(RunRecord Run, bool FromCache);
