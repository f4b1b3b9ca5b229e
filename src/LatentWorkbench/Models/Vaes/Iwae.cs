using TorchSharp;

namespace LatentWorkbench.Models.Vaes;

/// <summary>
/// The importance-weighted autoencoder (Burda, Grosse &amp; Salakhutdinov 2016): any <see cref="IVariationalAutoencoder"/>
/// trained on the K-sample bound L_K (<see cref="IwaeLoss"/>) instead of the ELBO. Only the loss differs (pythae's
/// pattern); K = 1 is the VAE with a Monte-Carlo KL. Config: <see cref="IwaeConfig"/>.
/// </summary>
/// <remarks>
/// It draws K codes per example itself, so it overrides the whole batch loss rather than scoring one
/// <see cref="VaeVariant.Forward"/> pass. The decoder runs on K·B latent codes per step, so a step costs about K times a
/// VAE step in the decoder.
/// </remarks>
public sealed class Iwae : VaeVariant
{
    /// <summary>Wraps <paramref name="network"/> with <paramref name="samples"/> importance samples per example (≥ 1).</summary>
    public Iwae(IVariationalAutoencoder network, int samples = 5)
        : base(network)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(samples);
        Samples = samples;
    }

    /// <summary>Importance samples K per example.</summary>
    public int Samples { get; }

    /// <inheritdoc/>
    /// <remarks>−Σ_b L_K with z drawn from torch's global generator; terms as <see cref="IwaeLoss.Bound"/>.</remarks>
    public override ModelLoss Loss(torch.Tensor batch, TrainingTime time) => IwaeLoss.Bound(Network, batch, Samples);
}
