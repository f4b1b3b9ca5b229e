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
public sealed class BetaVae : VaeLossVariant
{
    /// <summary>Wraps <paramref name="vae"/> with weight <paramref name="beta"/> (finite, ≥ 0) on the KL term.</summary>
    public BetaVae(IVariationalAutoencoder vae, double beta)
        : base(vae)
    {
        if (!double.IsFinite(beta) || beta < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(beta), beta, "β must be finite and ≥ 0.");
        }

        Beta = beta;
    }

    /// <summary>The KL weight β.</summary>
    public double Beta { get; }

    /// <inheritdoc/>
    public override ModelLoss Loss(torch.Tensor batch)
    {
        var posterior = Vae.Encode(batch);
        var logits = Vae.DecodeLogits(posterior.Sample());
        return VaeLoss.Elbo(logits, batch.reshape(logits.shape), posterior, Beta);
    }
}
