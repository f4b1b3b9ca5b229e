using TorchSharp;

namespace LatentWorkbench.Models.Vaes;

/// <summary>
/// The importance-weighted autoencoder (Burda, Grosse &amp; Salakhutdinov 2016): any <see cref="IVariationalAutoencoder"/>
/// trained on the K-sample bound L_K (<see cref="IwaeLoss"/>) instead of the ELBO. Only the loss differs (pythae's
/// pattern); K = 1 is the VAE with a Monte-Carlo KL.
/// </summary>
/// <remarks>
/// The module is the wrapped model's. The decoder runs on K·B latent codes per step, so a step costs about K times a
/// VAE step in the decoder. The paper's MNIST runs use K = 5 and 50.
/// </remarks>
public sealed class Iwae : VaeLossVariant
{
    /// <summary>Wraps <paramref name="vae"/> with <paramref name="samples"/> importance samples per example (≥ 1).</summary>
    public Iwae(IVariationalAutoencoder vae, int samples = 5)
        : base(vae)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(samples);
        Samples = samples;
    }

    /// <summary>Importance samples K per example.</summary>
    public int Samples { get; }

    /// <inheritdoc/>
    /// <remarks>−Σ_b L_K with z drawn from torch's global generator; terms as <see cref="IwaeLoss.Bound"/>.</remarks>
    public override ModelLoss Loss(torch.Tensor batch) => IwaeLoss.Bound(Vae, batch, Samples);
}
