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
public sealed class Iwae : IVariationalAutoencoder
{
    private readonly IVariationalAutoencoder _vae;

    /// <summary>Wraps <paramref name="vae"/> with <paramref name="samples"/> importance samples per example (≥ 1).</summary>
    public Iwae(IVariationalAutoencoder vae, int samples = 5)
    {
        ArgumentNullException.ThrowIfNull(vae);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(samples);
        _vae = vae;
        Samples = samples;
    }

    /// <summary>Importance samples K per example.</summary>
    public int Samples { get; }

    /// <summary>The wrapped VAE.</summary>
    public IVariationalAutoencoder Vae => _vae;

    /// <inheritdoc/>
    public torch.nn.Module Module => _vae.Module;

    /// <inheritdoc/>
    public int LatentSize => _vae.LatentSize;

    /// <inheritdoc/>
    public GaussianPosterior Encode(torch.Tensor x) => _vae.Encode(x);

    /// <inheritdoc/>
    public torch.Tensor DecodeLogits(torch.Tensor z) => _vae.DecodeLogits(z);

    /// <inheritdoc/>
    /// <remarks>−Σ_b L_K with z drawn from torch's global generator; terms as <see cref="IwaeLoss.Bound"/>.</remarks>
    public ModelLoss Loss(torch.Tensor batch) => IwaeLoss.Bound(_vae, batch, Samples);
}
