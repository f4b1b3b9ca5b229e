using System.Globalization;

namespace LatentWorkbench.Models.Vaes;

/// <summary>The IWAE's config (Burda, Grosse &amp; Salakhutdinov 2016): the number of importance samples.</summary>
/// <param name="Samples">K ≥ 1 (the paper's MNIST runs use 5 and 50; K = 1 is the ELBO with a Monte-Carlo KL).</param>
public sealed record IwaeConfig(int Samples = 5) : VaeVariantConfig
{
    /// <inheritdoc/>
    public override IVariationalAutoencoder Build(IVariationalAutoencoder network) => new Iwae(network, Samples);

    /// <summary><c>iwae</c>.</summary>
    public override string StoredName() => "iwae";

    /// <summary>e.g. <c>IWAE K=5</c>.</summary>
    public override string Label() => string.Create(CultureInfo.InvariantCulture, $"IWAE K={Samples}");

    /// <inheritdoc/>
    public override void Validate() => ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Samples, nameof(Samples));
}
