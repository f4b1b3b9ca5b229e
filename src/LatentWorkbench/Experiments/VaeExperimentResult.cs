using LatentWorkbench.Models.Vaes;
using LatentWorkbench.Training;

namespace LatentWorkbench.Experiments;

/// <summary>A trained seed VAE and how it did.</summary>
/// <param name="Model">The trained model, in eval mode, on the run's device.</param>
/// <param name="Epochs">Per-epoch reports (from the run store when the run came from the cache).</param>
/// <param name="TestLossSampled">Negative ELBO per test example with z sampled (noise seed <see cref="VaeExperimentOptions.TestNoiseSeed"/>).</param>
/// <param name="TestLossMean">Negative ELBO per test example with z = μ.</param>
/// <param name="Device">The device it ran on (<c>cpu</c>, <c>cuda</c>).</param>
/// <param name="RunId">The run-store id of the training run, or null when no store was used.</param>
/// <param name="FromCache">Whether the weights came from an earlier run with the same configuration.</param>
public sealed record VaeExperimentResult(
    Vae Model,
    IReadOnlyList<EpochReport> Epochs,
    double TestLossSampled,
    double TestLossMean,
    string Device,
    long? RunId,
    bool FromCache);
