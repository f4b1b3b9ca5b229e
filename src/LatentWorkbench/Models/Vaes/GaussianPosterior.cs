using TorchSharp;

namespace LatentWorkbench.Models.Vaes;

/// <summary>A diagonal Gaussian q(z|x) = N(μ, diag(exp(log σ²))) for a batch: both [B, latent].</summary>
/// <param name="Mean">μ, [B, latent].</param>
/// <param name="LogVariance">log σ², [B, latent].</param>
public sealed record GaussianPosterior(torch.Tensor Mean, torch.Tensor LogVariance)
{
    /// <summary>z = μ + ε·σ with ε ~ N(0, I) from the default generator (or <paramref name="generator"/>): the reparameterisation trick.</summary>
    public torch.Tensor Sample(torch.Generator? generator = null)
    {
        var std = (0.5 * LogVariance).exp();
        var eps = torch.randn(std.shape, dtype: std.dtype, device: std.device, generator: generator);
        return Mean + (eps * std);
    }

    /// <summary>KL(q ‖ N(0, I)) per latent dimension and example, [B, latent]: −½ (1 + log σ² − μ² − σ²) (Kingma &amp; Welling 2014, App. B).</summary>
    public torch.Tensor KlPerDimension() => -0.5 * (1 + LogVariance - Mean.pow(2) - LogVariance.exp());
}
