namespace LatentWorkbench.Training;

/// <summary>One finished optimiser step.</summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="Step">1-based step within the epoch.</param>
/// <param name="StepsPerEpoch">Steps in each epoch.</param>
/// <param name="GlobalStep">1-based step counted over the whole run.</param>
public readonly record struct StepReport(int Epoch, int Step, int StepsPerEpoch, long GlobalStep);
