using TorchSharp;

namespace LatentWorkbench.Models.Vaes;

/// <summary>
/// β-VAE (Higgins et al. 2017): any <see cref="IVariationalAutoencoder"/> trained on BCE + β·KL. Only the loss
/// differs from the wrapped model (pythae's pattern); β &gt; 1 presses q(z|x) towards the prior (disentanglement,
/// blurrier reconstructions), β &lt; 1 relaxes it.
/// </summary>
/// <remarks>
/// The module is the wrapped model's (same parameters, state-dict names, train/eval, device). The reported terms are
/// the unweighted reconstruction and KL; the total is reconstruction + β·KL.
/// </remarks>
public sealed class BetaVae : IVariationalAutoencoder
{
    private readonly IVariationalAutoencoder _vae;

    /// <summary>Wraps <paramref name="vae"/> with weight <paramref name="beta"/> (finite, ≥ 0) on the KL term.</summary>
    public BetaVae(IVariationalAutoencoder vae, double beta)
    {
        ArgumentNullException.ThrowIfNull(vae);
        if (!double.IsFinite(beta) || beta < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(beta), beta, "β must be finite and ≥ 0.");
        }

        _vae = vae;
        Beta = beta;
    }

    /// <summary>The KL weight β.</summary>
    public double Beta { get; }

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
    public ModelLoss Loss(torch.Tensor batch)
    {
        var posterior = _vae.Encode(batch);
        var logits = _vae.DecodeLogits(posterior.Sample());
        return VaeLoss.Elbo(logits, batch.reshape(logits.shape), posterior, Beta);
    }
}
