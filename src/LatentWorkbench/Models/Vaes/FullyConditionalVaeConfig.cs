using System.Globalization;

namespace LatentWorkbench.Models.Vaes;

/// <summary>
/// The fully conditional VAE's config (<see cref="FullyConditionalVae"/>): the plain conditional VAE's sizes, the label
/// also at the decoder's output layer, and a KL weight β.
/// </summary>
/// <param name="Network">Layer sizes, as the plain conditional VAE's.</param>
/// <param name="Beta">β, the KL weight (finite, ≥ 0): above 1 it makes every nat the code holds cost more, so the code keeps less of what the label already says.</param>
public sealed record FullyConditionalVaeConfig(ConditionalVaeConfig Network, double Beta)
{
    /// <summary>e.g. <c>CVAE, label at every layer, β=2</c>.</summary>
    public string Label() => string.Create(CultureInfo.InvariantCulture, $"CVAE, label at every layer, β={Beta:0.###}");

    /// <summary>Throws naming the size or <see cref="Beta"/> that is invalid.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Network, nameof(Network));
        Network.Validate();
        if (!double.IsFinite(Beta) || Beta < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Beta), Beta, "β must be finite and ≥ 0.");
        }
    }
}
