namespace LatentWorkbench.Metrics.Likelihood;

/// <summary>Options of <see cref="ImportanceSampledLikelihood.Estimate"/>.</summary>
public sealed record ImportanceSamplingOptions
{
    /// <summary>Importance samples k per example (Burda et al. 2016 report test log-likelihoods with k = 5000).</summary>
    public int Samples { get; init; } = 5000;

    /// <summary>Samples decoded at once per example; memory is about ExampleBatch × SampleBatch × input floats.</summary>
    public int SampleBatch { get; init; } = 100;

    /// <summary>Examples encoded at once.</summary>
    public int ExampleBatch { get; init; } = 100;

    /// <summary>Seed of the sampling generator (on the data's device): the same seed gives the same estimate.</summary>
    public long Seed { get; init; }

    /// <summary>Throws when a count is not positive, naming it.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Samples, nameof(Samples));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(SampleBatch, nameof(SampleBatch));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ExampleBatch, nameof(ExampleBatch));
    }
}
