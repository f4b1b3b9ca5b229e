using LatentWorkbench.Compute;
using TorchSharp;

namespace LatentWorkbench.Metrics.Likelihood;

/// <summary>
/// The importance-sampled log-likelihood of a data set and the per-example ELBO split, in nats per example.
/// </summary>
/// <remarks>
/// The per-example values are float64 CPU tensors [N], row n for example n, so they can be indexed, plotted against
/// labels or compared with tensor ops.
/// </remarks>
/// <param name="LogLikelihood">log p̂(xₙ) per example: logsumexp_i log wᵢ − log k, [N].</param>
/// <param name="Elbo">ELBO per example: −Reconstruction − Kl, [N].</param>
/// <param name="Reconstruction">−(1/k) Σᵢ log p(xₙ|zᵢ) per example, zᵢ ~ q(z|xₙ) (the same draws as the estimate), [N].</param>
/// <param name="Kl">KL(q(z|xₙ) ‖ N(0, I)) per example, in closed form, [N].</param>
/// <param name="Samples">k.</param>
public sealed record LikelihoodEstimate(
    torch.Tensor LogLikelihood, torch.Tensor Elbo, torch.Tensor Reconstruction, torch.Tensor Kl, int Samples)
{
    /// <summary>Mean of −log p̂(xₙ): the test NLL.</summary>
    public double MeanNegativeLogLikelihood => -Mean(LogLikelihood);

    /// <summary>Standard error of <see cref="MeanNegativeLogLikelihood"/> over examples: sample SD / √N (0 for one example).</summary>
    public double StandardError => StandardErrorOf(TensorValues.Doubles(LogLikelihood));

    /// <summary>Mean ELBO per example.</summary>
    public double MeanElbo => Mean(Elbo);

    /// <summary>Mean reconstruction term per example.</summary>
    public double MeanReconstruction => Mean(Reconstruction);

    /// <summary>Mean KL per example.</summary>
    public double MeanKl => Mean(Kl);

    private static double Mean(torch.Tensor values)
    {
        double[] host = TensorValues.Doubles(values);
        return host.Length == 0 ? double.NaN : host.Average();
    }

    private static double StandardErrorOf(double[] values)
    {
        int n = values.Length;
        if (n < 2)
        {
            return n == 1 ? 0 : double.NaN;
        }

        double mean = values.Average();
        double variance = values.Sum(v => (v - mean) * (v - mean)) / (n - 1);
        return Math.Sqrt(variance / n);
    }
}
