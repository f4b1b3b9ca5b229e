using TorchSharp;

namespace LatentWorkbench.Models.Vaes;

/// <summary>
/// A VAE variant that differs from the model it wraps only in its training loss (pythae's pattern): the module,
/// encoder and decoder are the wrapped model's, so parameters, state-dict names, train/eval and device are shared.
/// </summary>
public abstract class VaeLossVariant : IVariationalAutoencoder
{
    /// <summary>Wraps <paramref name="vae"/>.</summary>
    protected VaeLossVariant(IVariationalAutoencoder vae)
    {
        ArgumentNullException.ThrowIfNull(vae);
        Vae = vae;
    }

    /// <summary>The wrapped VAE.</summary>
    public IVariationalAutoencoder Vae { get; }

    /// <inheritdoc/>
    public torch.nn.Module Module => Vae.Module;

    /// <inheritdoc/>
    public int LatentSize => Vae.LatentSize;

    /// <inheritdoc/>
    public GaussianPosterior Encode(torch.Tensor x) => Vae.Encode(x);

    /// <inheritdoc/>
    public torch.Tensor DecodeLogits(torch.Tensor z) => Vae.DecodeLogits(z);

    /// <inheritdoc/>
    public abstract ModelLoss Loss(torch.Tensor batch);
}
