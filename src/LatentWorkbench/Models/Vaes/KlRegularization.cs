using System.Globalization;
using TorchSharp;

namespace LatentWorkbench.Models.Vaes;

/// <summary>
/// The config of <see cref="KlRegularizedVae"/>: how its KL term is weighted over training and floored — the
/// posterior-collapse remedies (β &lt; 1, KL warm-up, cyclical annealing, free bits) as one loss term.
/// </summary>
/// <param name="Schedule">β(t): constant (β &lt; 1 is a remedy), linear warm-up or cyclical; null: <see cref="KlSchedule.Elbo"/>.</param>
/// <param name="FreeBits">λ, nats per latent dimension (Kingma et al. 2016, eq. 15): a dimension's KL below λ costs λ, so the
/// optimiser gains nothing by pressing it to 0; 0: off.</param>
/// <remarks>
/// The term receives the step it needs from the trainer (<see cref="TrainingTime"/>): <see cref="Penalty"/> at step t on a
/// batch of B is β(t)·K with K = Σ_b Σ_u KL_bu, or with free bits λ, K = B·Σ_u max(λ, (1/B)Σ_b KL_bu) (the floor applies
/// to each dimension's batch mean, as in Kingma et al. 2016).
/// </remarks>
public sealed record KlRegularization(KlSchedule? Schedule = null, double FreeBits = 0) : VaeVariantConfig
{
    /// <summary>The plain ELBO (β = 1, no free bits).</summary>
    public static KlRegularization None { get; } = new();

    /// <summary>The schedule in force.</summary>
    public KlSchedule EffectiveSchedule => Schedule ?? KlSchedule.Elbo;

    /// <summary>The weighted, floored KL of <paramref name="klPerDimension"/> ([B, latent]) at <paramref name="time"/>, and the weight β(t).</summary>
    public (torch.Tensor Penalty, double Weight) Penalty(torch.Tensor klPerDimension, TrainingTime time)
    {
        ArgumentNullException.ThrowIfNull(klPerDimension);
        long b = klPerDimension.shape[0];
        var penalised = FreeBits > 0
            ? b * klPerDimension.mean([0L]).clamp_min(FreeBits).sum()
            : klPerDimension.sum();
        double weight = EffectiveSchedule.Weight(time.Step);
        return (weight * penalised, weight);
    }

    /// <inheritdoc/>
    public override IVariationalAutoencoder Build(IVariationalAutoencoder network) => new KlRegularizedVae(network, this);

    /// <summary><c>kl-regularized-vae</c>.</summary>
    public override string StoredName() => "kl-regularized-vae";

    /// <summary>e.g. <c>KL linear_warmup β=1, λ=0.25</c>.</summary>
    public override string Label() => string.Create(CultureInfo.InvariantCulture, $"KL {EffectiveSchedule.Kind} β={EffectiveSchedule.MaxWeight:0.###}, λ={FreeBits:0.##}");

    /// <summary>Throws naming the first invalid field.</summary>
    public override void Validate()
    {
        EffectiveSchedule.Validate();
        if (!double.IsFinite(FreeBits) || FreeBits < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(FreeBits), FreeBits, "Free bits λ must be finite and ≥ 0 nats per dimension.");
        }
    }
}
