using System.Text.Json.Serialization;
using LatentWorkbench.Metrics.Likelihood;

namespace LatentWorkbench.Experiments.Vaes;

/// <summary>A VAE's importance-sampled log-likelihood on a test subset, at each k, beside its ELBO (nats per example).</summary>
/// <param name="Curve">One estimate per k of <see cref="VaeLikelihoodOptions.SampleCounts"/>, nested (the estimate at k uses the first k draws).</param>
/// <param name="TestExamples">How many test digits were scored.</param>
/// <param name="Seconds">Wall-clock seconds of the whole curve (one pass of max k draws; for a cached result, when it ran).</param>
/// <param name="FromCache">True when the result was read back from beside the run's checkpoint instead of computed now.</param>
public sealed record VaeLikelihoodResult(IReadOnlyList<LikelihoodEstimate> Curve, int TestExamples, double Seconds, bool FromCache = false)
{
    /// <summary>The estimate at the largest k (the headline: k = 5000 by default).</summary>
    [JsonIgnore]
    public LikelihoodEstimate Final => Curve[^1];

    /// <summary>The largest k.</summary>
    [JsonIgnore]
    public int Samples => Final.Samples;

    /// <summary>−log p̂(x) per example at the largest k.</summary>
    [JsonIgnore]
    public double NegativeLogLikelihood => Final.MeanNegativeLogLikelihood;

    /// <summary>Standard error of <see cref="NegativeLogLikelihood"/> over the examples.</summary>
    [JsonIgnore]
    public double StandardError => Final.StandardError;

    /// <summary>−ELBO per example (closed-form KL, reconstruction averaged over the largest k draws: nearly exact).</summary>
    [JsonIgnore]
    public double NegativeElbo => -Final.MeanElbo;

    /// <summary>−ELBO − NLL ≥ 0: how loose the ELBO is (E_x KL(q(z|x) ‖ p(z|x)) up to the estimate's own bias).</summary>
    [JsonIgnore]
    public double ElboGap => NegativeElbo - NegativeLogLikelihood;

    /// <summary>−ELBO − (−log p̂ at k) for each k of the curve: shrinks towards the true gap as k grows.</summary>
    [JsonIgnore]
    public IReadOnlyList<double> GapAt => [.. Curve.Select(e => NegativeElbo - e.MeanNegativeLogLikelihood)];
}
