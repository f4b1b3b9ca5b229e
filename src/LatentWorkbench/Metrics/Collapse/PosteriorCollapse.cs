using LatentWorkbench.Compute;
using LatentWorkbench.Models.Vaes;
using TorchSharp;

namespace LatentWorkbench.Metrics.Collapse;

/// <summary>
/// The three standard measures of posterior collapse, on an encoded data set q(z|xₙ) = N(μₙ, diag σₙ²), n = 1…N:
/// KL per latent dimension, active units and the mutual information I(x; z) under q.
/// </summary>
/// <remarks>
/// A collapsed VAE has q(z|x) ≈ p(z) = N(0, I) for every x: every KL is 0, no unit is active, I(x; z) = 0, and the
/// decoder models x without z. All sums run in float64 on the posterior's device.
/// </remarks>
public static class PosteriorCollapse
{
    /// <summary>Burda, Grosse &amp; Salakhutdinov (2016, §5.2): a unit is active when Var_x(E_q[z_u | x]) exceeds 10⁻².</summary>
    public const double DefaultActivityThreshold = 0.01;

    /// <summary>Mean over examples of KL(q(z_u|xₙ) ‖ N(0, 1)) for each latent dimension u: [latent] nats.</summary>
    /// <remarks>KL_u = (1/N) Σₙ −½ (1 + log σ²ₙᵤ − μ²ₙᵤ − σ²ₙᵤ); their sum is the model's mean KL term.</remarks>
    public static IReadOnlyList<double> KlPerDimension(GaussianPosterior posterior)
    {
        ArgumentNullException.ThrowIfNull(posterior);
        using var scope = torch.NewDisposeScope();
        return ToArray(posterior.KlPerDimension().to_type(torch.float64).mean([0L]));
    }

    /// <summary>Var_x(μ_u) for each dimension u, the activity statistic of Burda et al. (population variance over the N rows): [latent].</summary>
    public static IReadOnlyList<double> MeanVariances(GaussianPosterior posterior)
    {
        ArgumentNullException.ThrowIfNull(posterior);
        using var scope = torch.NewDisposeScope();
        return ToArray(posterior.Mean.to_type(torch.float64).var(0L, unbiased: false));
    }

    /// <summary>The number of dimensions whose <see cref="MeanVariances"/> exceed <paramref name="threshold"/>.</summary>
    public static int ActiveUnits(GaussianPosterior posterior, double threshold = DefaultActivityThreshold)
    {
        if (!(threshold >= 0) || !double.IsFinite(threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The activity threshold must be finite and ≥ 0.");
        }

        return MeanVariances(posterior).Count(v => v > threshold);
    }

    /// <summary>
    /// I(x; z) under q, the estimator of He et al. (2019, "Lagging inference networks", App. and their <c>calc_mi</c>):
    /// I = E_x E_q(z|x)[log q(z|x)] − E_x E_q(z|x)[log q(z)], with the aggregate posterior q(z) ≈ (1/N) Σₘ q(z|xₘ).
    /// </summary>
    /// <param name="posterior">q(z|xₙ) of N examples, [N, latent].</param>
    /// <param name="generator">Source of the one draw zₙ ~ q(z|xₙ) per example (use one of your own for repeatable numbers).</param>
    /// <remarks>
    /// The first term is the closed-form negative entropy −½ L log 2π − ½ Σᵤ (1 + log σ²ₙᵤ); the second uses one sample per
    /// example and all N×N densities log q(zₙ|xₘ) (computed as matrix products, so memory is N² doubles). The estimate lies in
    /// [−ε, log N] (ε: sampling noise): identical posteriors give 0, N well-separated ones give log N.
    /// </remarks>
    public static double MutualInformation(GaussianPosterior posterior, torch.Generator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(posterior);
        using var scope = torch.NewDisposeScope();
        var mean = posterior.Mean.to_type(torch.float64);
        var logVariance = posterior.LogVariance.to_type(torch.float64);
        long n = mean.shape[0], latent = mean.shape[1];
        if (n == 0)
        {
            throw new ArgumentException("The posterior has no examples.", nameof(posterior));
        }

        var epsilon = torch.randn([n, latent], dtype: torch.float64, device: mean.device, generator: generator);
        var z = mean + (epsilon * (0.5 * logVariance).exp());
        double negativeEntropy = (-(0.5 * latent * Math.Log(2 * Math.PI)) - (0.5 * (1 + logVariance).sum(-1))).mean().item<double>();

        // log q(zₙ|xₘ) = −½ Σᵤ (zₙᵤ − μₘᵤ)² / σ²ₘᵤ − ½ Σᵤ log σ²ₘᵤ − ½ L log 2π, expanded into matrix products over u.
        var precision = (-logVariance).exp();
        var squares = z.pow(2).matmul(precision.t()) - (2 * z.matmul((mean * precision).t())) + (mean.pow(2) * precision).sum(-1).unsqueeze(0);
        var logDensity = (-0.5 * squares) - (0.5 * logVariance.sum(-1).unsqueeze(0)) - (0.5 * latent * Math.Log(2 * Math.PI));
        double logAggregate = (logDensity.logsumexp(1) - Math.Log(n)).mean().item<double>();
        return negativeEntropy - logAggregate;
    }

    /// <summary>All three measures at once (see <see cref="CollapseReport"/>).</summary>
    public static CollapseReport Measure(GaussianPosterior posterior, torch.Generator? generator = null, double threshold = DefaultActivityThreshold)
    {
        var kl = KlPerDimension(posterior);
        var variances = MeanVariances(posterior);
        return new CollapseReport(kl, variances, variances.Count(v => v > threshold), MutualInformation(posterior, generator), threshold);
    }

    private static double[] ToArray(torch.Tensor values) => TensorValues.Doubles(values);
}
