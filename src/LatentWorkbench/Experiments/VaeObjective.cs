using System.Globalization;
using System.Text.Json.Serialization;
using LatentWorkbench.Models.Vaes;

namespace LatentWorkbench.Experiments;

/// <summary>
/// The training objective of a VAE run: the ELBO with a KL weight β (<see cref="BetaVae"/> when β ≠ 1) or the
/// IWAE bound with K importance samples (<see cref="Iwae"/>). Part of the run's cache key.
/// </summary>
/// <remarks>
/// ELBO: −E_q[log p(x|z)] + β·KL(q(z|x) ‖ N(0, I)) per example (Kingma &amp; Welling 2014; Higgins et al. 2017).
/// IWAE: −(logsumexp_k log wₖ − log K), wₖ = p(x, zₖ)/q(zₖ|x) (Burda, Grosse &amp; Salakhutdinov 2016).
/// </remarks>
public sealed record VaeObjective
{
    /// <summary>The seed recipe's objective: the plain ELBO (β = 1).</summary>
    public static VaeObjective Default { get; } = new();

    /// <summary>ELBO or IWAE.</summary>
    public VaeObjectiveKind Kind { get; init; } = VaeObjectiveKind.Elbo;

    /// <summary>The KL weight β of the ELBO (finite, ≥ 0; 1 for the plain VAE). Must be 1 for the IWAE.</summary>
    public double Beta { get; init; } = 1.0;

    /// <summary>Importance samples K of the IWAE bound (≥ 1; the paper's MNIST runs use 5 and 50). Must be 1 for the ELBO.</summary>
    public int Samples { get; init; } = 1;

    /// <summary>The ELBO with KL weight <paramref name="beta"/>.</summary>
    public static VaeObjective Elbo(double beta = 1.0) => new() { Beta = beta };

    /// <summary>The IWAE bound with <paramref name="samples"/> importance samples.</summary>
    public static VaeObjective Iwae(int samples = 5) => new() { Kind = VaeObjectiveKind.Iwae, Samples = samples };

    /// <summary>True for the seed VAE's objective (the ELBO with β = 1).</summary>
    [JsonIgnore]
    public bool IsPlainElbo => Kind == VaeObjectiveKind.Elbo && Beta == 1.0;

    /// <summary>A short label: <c>ELBO</c>, <c>β-VAE β=4</c>, <c>IWAE K=5</c>.</summary>
    [JsonIgnore]
    public string Label => Kind switch
    {
        VaeObjectiveKind.Iwae => string.Create(CultureInfo.InvariantCulture, $"IWAE K={Samples}"),
        _ when Beta == 1.0 => "ELBO",
        _ => string.Create(CultureInfo.InvariantCulture, $"β-VAE β={Beta:0.###}"),
    };

    /// <summary>Wraps <paramref name="network"/> so its loss is this objective (the network itself when it is the plain ELBO).</summary>
    public IVariationalAutoencoder Apply(IVariationalAutoencoder network)
    {
        ArgumentNullException.ThrowIfNull(network);
        Validate();
        return Kind switch
        {
            VaeObjectiveKind.Iwae => new Iwae(network, Samples),
            _ when Beta == 1.0 => network,
            _ => new BetaVae(network, Beta),
        };
    }

    /// <summary>Throws naming the field when β or K is out of range or does not belong to the kind.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Kind))
        {
            throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "Kind must be Elbo or Iwae.");
        }

        if (!double.IsFinite(Beta) || Beta < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Beta), Beta, "β must be finite and ≥ 0.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Samples, nameof(Samples));
        if (Kind == VaeObjectiveKind.Iwae && Beta != 1.0)
        {
            throw new ArgumentOutOfRangeException(nameof(Beta), Beta, "The IWAE bound has no KL weight: β must be 1 with Kind = Iwae.");
        }

        if (Kind == VaeObjectiveKind.Elbo && Samples != 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Samples), Samples, "The ELBO draws one sample: Samples must be 1 with Kind = Elbo (use Kind = Iwae for K > 1).");
        }
    }
}
