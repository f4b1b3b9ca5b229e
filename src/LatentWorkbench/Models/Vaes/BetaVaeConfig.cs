using System.Globalization;

namespace LatentWorkbench.Models.Vaes;

/// <summary>The β-VAE's config (Higgins et al. 2017): the KL weight.</summary>
/// <param name="Beta">β, finite and ≥ 0 (&gt; 1 presses q(z|x) towards the prior; &lt; 1 relaxes it).</param>
public sealed record BetaVaeConfig(double Beta) : VaeVariantConfig
{
    /// <inheritdoc/>
    public override IVariationalAutoencoder Build(IVariationalAutoencoder network) => new BetaVae(network, Beta);

    /// <summary><c>beta-vae</c>.</summary>
    public override string StoredName() => "beta-vae";

    /// <summary>e.g. <c>β-VAE β=4</c>.</summary>
    public override string Label() => string.Create(CultureInfo.InvariantCulture, $"β-VAE β={Beta:0.###}");

    /// <inheritdoc/>
    public override void Validate()
    {
        if (!double.IsFinite(Beta) || Beta < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Beta), Beta, "β must be finite and ≥ 0.");
        }
    }
}
