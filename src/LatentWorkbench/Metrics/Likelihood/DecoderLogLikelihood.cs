using LatentWorkbench.Models.Vaes;
using TorchSharp;

namespace LatentWorkbench.Metrics.Likelihood;

/// <summary>log p(x|z) of a decoder, per row: z [M, latent], x [M, input] → [M] (nats).</summary>
/// <remarks>Plug a decoder's likelihood into <see cref="ImportanceSampledLikelihood"/>: Bernoulli for the workbench's VAEs,
/// Gaussian for a real-valued decoder, or any other density.</remarks>
public delegate torch.Tensor DecoderLogLikelihood(torch.Tensor z, torch.Tensor x);

/// <summary>The decoder likelihoods the workbench's models use.</summary>
public static class DecoderLogLikelihoods
{
    /// <summary>Bernoulli: log p(x|z) = −Σ BCE(sigmoid(logits(z)), x) with the model's <see cref="IVariationalAutoencoder.DecodeLogits"/>.</summary>
    public static DecoderLogLikelihood Bernoulli(IVariationalAutoencoder model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return (z, x) => LogDensities.Bernoulli(model.DecodeLogits(z), x);
    }

    /// <summary>Isotropic Gaussian: log N(x; mean(z), σ²I) with <paramref name="decodeMean"/> giving mean(z) [M, input].</summary>
    /// <param name="decodeMean">z [M, latent] → mean [M, input].</param>
    /// <param name="sigma">The observation noise σ &gt; 0.</param>
    public static DecoderLogLikelihood Gaussian(Func<torch.Tensor, torch.Tensor> decodeMean, double sigma)
    {
        ArgumentNullException.ThrowIfNull(decodeMean);
        if (!(sigma > 0) || !double.IsFinite(sigma))
        {
            throw new ArgumentOutOfRangeException(nameof(sigma), sigma, "The Gaussian decoder's σ must be finite and > 0.");
        }

        return (z, x) => LogDensities.IsotropicGaussian(x, decodeMean(z), sigma);
    }
}
