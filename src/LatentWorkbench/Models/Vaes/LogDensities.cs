using TorchSharp;

namespace LatentWorkbench.Models.Vaes;

/// <summary>The log densities an importance weight of a VAE is made of, each summed over its last dimension.</summary>
/// <remarks>log w = log p(x|z) + log p(z) − log q(z|x) (Burda et al. 2016, eq. 8). All in nats.</remarks>
public static class LogDensities
{
    /// <summary>½ log 2π.</summary>
    public static readonly double HalfLogTwoPi = 0.5 * Math.Log(2 * Math.PI);

    /// <summary>log N(z; 0, I) = −Σ (½z² + ½ log 2π) over the last dimension: [..., L] → [...].</summary>
    public static torch.Tensor StandardNormal(torch.Tensor z) => -((0.5 * z.pow(2)) + HalfLogTwoPi).sum(-1);

    /// <summary>log q(z|x) for z = μ + ε·σ given ε: −Σ (½ε² + ½ log σ² + ½ log 2π) over the last dimension.</summary>
    /// <param name="epsilon">The standard-normal draw ε, [..., L].</param>
    /// <param name="logVariance">log σ², broadcastable to ε.</param>
    public static torch.Tensor DiagonalGaussianAtNoise(torch.Tensor epsilon, torch.Tensor logVariance) =>
        -((0.5 * epsilon.pow(2)) + (0.5 * logVariance) + HalfLogTwoPi).sum(-1);

    /// <summary>log N(x; mean, σ²I) over the last dimension: −Σ ((x − mean)²/(2σ²) + log σ + ½ log 2π).</summary>
    public static torch.Tensor IsotropicGaussian(torch.Tensor x, torch.Tensor mean, double sigma) =>
        -(((x - mean).pow(2) / (2 * sigma * sigma)) + Math.Log(sigma) + HalfLogTwoPi).sum(-1);

    /// <summary>Bernoulli log p(x|z) from logits over the last dimension: −Σ BCE(sigmoid(logits), x) (x may be grey levels in [0, 1]).</summary>
    public static torch.Tensor Bernoulli(torch.Tensor logits, torch.Tensor x) =>
        -torch.nn.functional.binary_cross_entropy_with_logits(logits, x.expand_as(logits), reduction: torch.nn.Reduction.None).sum(-1);
}
