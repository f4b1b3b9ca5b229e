namespace LatentWorkbench.Models.Vaes;

/// <summary>How the KL term of a <see cref="KlRegularizedVae"/> is weighted and floored: the posterior-collapse remedies as options.</summary>
/// <param name="Schedule">β(t): constant (β &lt; 1 is a remedy), linear warm-up or cyclical; null: <see cref="KlSchedule.Elbo"/>.</param>
/// <param name="FreeBits">λ, nats per latent dimension (Kingma et al. 2016, eq. 15): a dimension's KL below λ costs λ, so the
/// optimiser gains nothing by pressing it to 0; 0: off.</param>
public sealed record KlRegularization(KlSchedule? Schedule = null, double FreeBits = 0)
{
    /// <summary>The plain ELBO (β = 1, no free bits).</summary>
    public static KlRegularization None { get; } = new();

    /// <summary>The schedule in force.</summary>
    public KlSchedule EffectiveSchedule => Schedule ?? KlSchedule.Elbo;

    /// <summary>Throws naming the first invalid field.</summary>
    public void Validate()
    {
        EffectiveSchedule.Validate();
        if (!double.IsFinite(FreeBits) || FreeBits < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(FreeBits), FreeBits, "Free bits λ must be finite and ≥ 0 nats per dimension.");
        }
    }
}
