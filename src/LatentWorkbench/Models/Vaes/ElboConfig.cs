namespace LatentWorkbench.Models.Vaes;

/// <summary>The plain ELBO (Kingma &amp; Welling 2014): no variant, the network's own loss (BCE + KL, summed).</summary>
public sealed record ElboConfig : VaeVariantConfig
{
    /// <summary>The KL weight of the plain ELBO (a <see cref="BetaVaeConfig"/> with any other β is a β-VAE).</summary>
    public const double Beta = 1.0;

    /// <summary>The one instance worth having.</summary>
    public static ElboConfig Instance { get; } = new();

    /// <inheritdoc/>
    public override IVariationalAutoencoder Build(IVariationalAutoencoder network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return network;
    }

    /// <summary><c>vae</c>: the seed VAE's name.</summary>
    public override string StoredName() => "vae";

    /// <summary><c>ELBO</c>.</summary>
    public override string Label() => "ELBO";
}
