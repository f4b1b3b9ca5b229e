namespace LatentWorkbench.Training;

/// <summary>What a callback hears after each optimizer step.</summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="Step">1-based step within the epoch.</param>
/// <param name="StepsPerEpoch">Steps in each epoch.</param>
/// <param name="GlobalStep">1-based step since the start of training.</param>
/// <param name="Loss">The batch loss divided by the batch size.</param>
public readonly record struct StepReport(int Epoch, int Step, int StepsPerEpoch, long GlobalStep, double Loss);
