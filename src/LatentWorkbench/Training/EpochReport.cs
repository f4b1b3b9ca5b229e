namespace LatentWorkbench.Training;

/// <summary>One finished epoch: its wall time, the mean training loss per example and each loss term per example.</summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="Seconds">Wall-clock seconds of the epoch.</param>
/// <param name="TrainLoss">Mean of the total loss per example over the epoch.</param>
/// <param name="Terms">Each loss term's mean per example (e.g. reconstruction, kl).</param>
public sealed record EpochReport(int Epoch, double Seconds, double TrainLoss, IReadOnlyDictionary<string, double> Terms);
