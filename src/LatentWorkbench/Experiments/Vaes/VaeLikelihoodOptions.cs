using LatentWorkbench.Metrics.Likelihood;

namespace LatentWorkbench.Experiments.Vaes;

/// <summary>
/// How a trained VAE is scored beyond the ELBO (<see cref="VaeLikelihood"/>): the importance-sampled
/// log-likelihood on a fixed subset of the test digits, at a rising number of samples k. The single source of
/// those defaults.
/// </summary>
/// <remarks>
/// k = 5000 as Burda et al. (2016) report test log-likelihoods. The cost is test examples × max k decoder passes:
/// the seed VAE's MLP decoder costs tens of microseconds of CPU per pass on 2 cores (a conv decoder 20–35 times
/// more), so 1000 digits at k = 5000 are 5 M passes, minutes; docs/vae-training.md has the measured numbers.
/// </remarks>
public sealed record VaeLikelihoodOptions
{
    /// <summary>The defaults.</summary>
    public static VaeLikelihoodOptions Default { get; } = new();

    /// <summary>Score the first this many test digits (a fixed subset, the same for every model).</summary>
    public int TestExamples { get; init; } = 1000;

    /// <summary>The k to report, strictly increasing; the last is the headline estimate.</summary>
    public IReadOnlyList<int> SampleCounts { get; init; } = [1, 10, 100, 1000, 5000];

    /// <summary>Chunk sizes and the sampling seed (its sample count is taken from <see cref="SampleCounts"/>).</summary>
    public ImportanceSamplingOptions Sampling { get; init; } = new();

    /// <summary>Throws naming the first invalid option.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(TestExamples, nameof(TestExamples));
        ArgumentNullException.ThrowIfNull(SampleCounts, nameof(SampleCounts));
        if (SampleCounts.Count == 0 || SampleCounts[0] < 1 || SampleCounts.Zip(SampleCounts.Skip(1)).Any(p => p.Second <= p.First))
        {
            throw new ArgumentOutOfRangeException(nameof(SampleCounts), $"[{string.Join(", ", SampleCounts)}]", "SampleCounts must be at least one k ≥ 1, strictly increasing.");
        }

        (Sampling with { Samples = SampleCounts[^1] }).Validate();
    }
}
