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

    /// <summary>Score the first this many test digits (a fixed subset, the same for every model; 400 keep notebook 03 inside its time on 2 CPU cores).</summary>
    public int TestExamples { get; init; } = 400;

    /// <summary>The k to report, strictly increasing; the last is the headline estimate.</summary>
    public IReadOnlyList<int> SampleCounts { get; init; } = [1, 10, 100, 1000, 5000];

    /// <summary>Chunk sizes and the sampling seed (its sample count is taken from <see cref="SampleCounts"/>).</summary>
    public ImportanceSamplingOptions Sampling { get; init; } = new();

    /// <summary>
    /// These options with the curve's k ending at <paramref name="samples"/>: every power of ten below it, then it
    /// (5000 gives 1, 10, 100, 1000, 5000).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="samples"/> is below 1.</exception>
    public VaeLikelihoodOptions WithMaxSamples(int samples)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        var counts = new List<int>();
        for (long k = 1; k < samples; k *= 10)
        {
            counts.Add((int)k);
        }

        counts.Add(samples);
        return this with { SampleCounts = counts };
    }

    /// <summary>
    /// These options at <paramref name="budget"/>: <see cref="StudyBudget.Default"/> leaves them unchanged; quick scores
    /// the first 100 test digits up to k = 500; long scores every test digit at the same k.
    /// </summary>
    public VaeLikelihoodOptions WithBudget(StudyBudget budget) => budget switch
    {
        StudyBudget.Default => this,
        StudyBudget.Quick => (this with { TestExamples = QuickTestExamples }).WithMaxSamples(QuickSamples),
        StudyBudget.Long => this with { TestExamples = AllTestDigits },
        _ => throw new ArgumentOutOfRangeException(nameof(budget), budget, $"No {budget} budget is defined for the likelihood."),
    };

    private const int QuickTestExamples = 100;
    private const int QuickSamples = 500;
    private const int AllTestDigits = 10_000;

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
