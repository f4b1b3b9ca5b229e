namespace LatentWorkbench.Training;

/// <summary>What a callback hears after each epoch.</summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="Seconds">Wall-clock seconds of the epoch's steps (checkpointing excluded).</param>
/// <param name="TrainLoss">Mean loss per sample over the epoch.</param>
public sealed record EpochReport(int Epoch, double Seconds, double TrainLoss);
