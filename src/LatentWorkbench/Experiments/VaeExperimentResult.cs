using LatentWorkbench.Models.Vaes;
using LatentWorkbench.Training;

namespace LatentWorkbench.Experiments;

/// <summary>A trained seed VAE and how it did.</summary>
/// <param name="Model">The trained model, in eval mode, on the run's device.</param>
/// <param name="Epochs">Per-epoch reports (empty when the run came from the cache and recorded none).</param>
/// <param name="TestLossSampled">Negative ELBO per test example with z sampled (noise seed <see cref="VaeExperimentOptions.TestNoiseSeed"/>).</param>
/// <param name="TestLossMean">Negative ELBO per test example with z = μ.</param>
/// <param name="Device">The device it trained on (<c>cpu</c>, <c>cuda</c>).</param>
public sealed record VaeExperimentResult(Vae Model, IReadOnlyList<EpochReport> Epochs, double TestLossSampled, double TestLossMean, string Device);
