using LatentWorkbench.Models.Vaes;
using LatentWorkbench.Training;

namespace LatentWorkbench.Experiments.ConditionalVaes;

/// <summary>A trained conditional VAE and its held-out loss.</summary>
/// <param name="Model">The trained model, in eval mode, on the run's device.</param>
/// <param name="Epochs">Per-epoch reports (from the run store when the run came from the cache).</param>
/// <param name="TestLossMean">Negative ELBO per test example with z = μ (BCE + KL, each summed over pixels / dimensions).</param>
/// <param name="Device">The device it ran on (<c>cpu</c>, <c>cuda</c>).</param>
/// <param name="RunId">The run-store id of the training run, or null when no store was used.</param>
/// <param name="FromCache">Whether the weights came from an earlier run with the same configuration.</param>
public sealed record ConditionalVaeExperimentResult(
    ConditionalVae Model,
    IReadOnlyList<EpochReport> Epochs,
    double TestLossMean,
    string Device,
    long? RunId,
    bool FromCache)
{
    /// <summary>Wall-clock seconds the training took (the sum of its epochs, also for a cached run).</summary>
    public double TrainingSeconds => Epochs.Sum(e => e.Seconds);
}
