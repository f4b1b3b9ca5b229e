namespace LatentWorkbench.Runs;

/// <summary>The metrics recorded for one epoch of a run, e.g. <c>train_loss</c>, <c>test_loss</c>, <c>seconds</c>.</summary>
/// <param name="Epoch">Epoch number as the trainer counts it (the trainer counts from 1; 0 can hold a before-training evaluation).</param>
/// <param name="Values">Metric name → value, in name order; a value may be NaN or ±∞ (a diverged loss is recorded as such).</param>
public sealed record EpochMetrics(int Epoch, IReadOnlyDictionary<string, double> Values);
