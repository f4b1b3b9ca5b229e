using System.Globalization;
using LatentWorkbench.Models.Vaes;
using LatentWorkbench.Training;

namespace LatentWorkbench.Experiments.Vaes;

/// <summary>A trained VAE of the family and how it did on the test digits.</summary>
/// <param name="Options">What was trained.</param>
/// <param name="Model">The trained model (network wrapped in its objective), in eval mode, on the run's device.</param>
/// <param name="Epochs">Per-epoch reports (from the run store when the run came from the cache).</param>
/// <param name="TestSampled">Negative ELBO per test example with z sampled (noise seed <see cref="VaeExperimentOptions.TestNoiseSeed"/>), and its reconstruction and KL terms.</param>
/// <param name="TestLossMean">Negative ELBO per test example with z = μ.</param>
/// <param name="Device">The device it ran on (<c>cpu</c>, <c>cuda</c>).</param>
/// <param name="RunId">The run-store id of the training run, or null when no store was used.</param>
/// <param name="FromCache">Whether the weights came from an earlier run with the same configuration.</param>
public sealed record VaeExperimentResult(
    VaeExperimentOptions Options,
    IVariationalAutoencoder Model,
    IReadOnlyList<EpochReport> Epochs,
    (double Loss, double Reconstruction, double Kl) TestSampled,
    double TestLossMean,
    string Device,
    long? RunId,
    bool FromCache)
{
    /// <summary>Negative ELBO per test example with z sampled: pytorch/examples' test loss (for any objective: the ELBO, not the training bound).</summary>
    public double TestLossSampled => TestSampled.Loss;

    /// <summary>Wall-clock seconds the training took (the sum of its epochs; for a cached run, when it ran).</summary>
    public double TrainingSeconds => Epochs.Sum(e => e.Seconds);

    /// <summary>One line: what it is, the test loss and its terms, and whether it was trained now or reused.</summary>
    public string Summary => string.Create(CultureInfo.InvariantCulture,
        $"{Options.Title}: test −ELBO {TestLossSampled:F2} (reconstruction {TestSampled.Reconstruction:F2} + KL {TestSampled.Kl:F2}), {TestLossMean:F2} with z = μ; ") +
        (FromCache
            ? string.Create(CultureInfo.InvariantCulture, $"reused run {RunId} from the run store (it trained in {TrainingSeconds:F1} s)")
            : string.Create(CultureInfo.InvariantCulture, $"trained {Epochs.Count} epochs in {TrainingSeconds:F1} s on {Device}"));
}
