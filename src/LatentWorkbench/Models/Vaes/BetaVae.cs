using TorchSharp;

namespace LatentWorkbench.Models.Vaes;

/// <summary>
/// β-VAE (Higgins et al. 2017): any <see cref="IVariationalAutoencoder"/> trained on BCE + β·KL. Only the loss
/// differs (pythae's pattern); β &gt; 1 presses q(z|x) towards the prior (disentanglement, blurrier
/// reconstructions), β &lt; 1 relaxes it. Config: <see cref="BetaVaeConfig"/>.
/// </summary>
/// <remarks>The reported terms are the unweighted reconstruction and KL; the total is reconstruction + β·KL.</remarks>
public sealed class BetaVae : VaeVariant
{
    /// <summary>Wraps <paramref name="network"/> with weight <paramref name="beta"/> (finite, ≥ 0) on the KL term.</summary>
    public BetaVae(IVariationalAutoencoder network, double beta)
        : base(network)
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
    protected override ModelLoss Loss(VaeForward forward, TrainingTime time) =>
        VaeLoss.Elbo(forward.Logits, forward.X, forward.Posterior, Beta);
}
