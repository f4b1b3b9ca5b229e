namespace LatentWorkbench.Models.Vaes;

/// <summary>
/// The weight β(t) of the KL term at optimiser step t (0-based: the number of steps already taken). One record for
/// every kind so it serializes whole into the run store's key; build it with <see cref="Constant"/>,
/// <see cref="LinearWarmup"/> or <see cref="Cyclical"/>.
/// </summary>
/// <param name="Kind">The shape.</param>
/// <param name="MaxWeight">β: the constant weight, or where the ramps end.</param>
/// <param name="RampSteps">Warm-up: steps from 0 to β. Cyclical: steps of one cycle.</param>
/// <param name="Cycles">Cyclical: the number of cycles; after the last one the weight stays at β.</param>
/// <param name="RampFraction">Cyclical: the share R of each cycle spent rising (Fu et al.: 0.5); the rest holds β.</param>
/// <remarks>
/// Warm-up: β(t) = β·min(1, t / RampSteps). Cyclical (Fu et al. 2019, eq. 7): with τ = (t mod C) / C for cycle length C,
/// β(t) = β·min(1, τ / R) during the first <paramref name="Cycles"/> cycles, β afterwards.
/// </remarks>
public sealed record KlSchedule(KlScheduleKind Kind, double MaxWeight = 1.0, long RampSteps = 0, int Cycles = 1, double RampFraction = 0.5)
{
    /// <summary>β = 1 throughout: the plain ELBO.</summary>
    public static KlSchedule Elbo { get; } = new(KlScheduleKind.Constant);

    /// <summary>A constant weight <paramref name="beta"/> (β-VAE).</summary>
    public static KlSchedule Constant(double beta) => new(KlScheduleKind.Constant, beta);

    /// <summary>0 → <paramref name="beta"/> linearly over <paramref name="steps"/> steps.</summary>
    public static KlSchedule LinearWarmup(long steps, double beta = 1.0) => new(KlScheduleKind.LinearWarmup, beta, steps);

    /// <summary><paramref name="cycles"/> cycles of <paramref name="cycleSteps"/> steps, rising over the first <paramref name="rampFraction"/> of each.</summary>
    public static KlSchedule Cyclical(long cycleSteps, int cycles, double rampFraction = 0.5, double beta = 1.0) =>
        new(KlScheduleKind.Cyclical, beta, cycleSteps, cycles, rampFraction);

    /// <summary>β(<paramref name="step"/>) as in the remarks.</summary>
    public double Weight(long step)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        switch (Kind)
        {
            case KlScheduleKind.LinearWarmup:
                return MaxWeight * Math.Min(1.0, (double)step / RampSteps);
            case KlScheduleKind.Cyclical:
                if (step >= RampSteps * Cycles)
                {
                    return MaxWeight;
                }

                double phase = (double)(step % RampSteps) / RampSteps;
                return MaxWeight * Math.Min(1.0, phase / RampFraction);
            default:
                return MaxWeight;
        }
    }

    /// <summary>Throws naming the first invalid field.</summary>
    public void Validate()
    {
        if (!double.IsFinite(MaxWeight) || MaxWeight < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxWeight), MaxWeight, "The KL weight β must be finite and ≥ 0.");
        }

        if (Kind != KlScheduleKind.Constant)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(RampSteps, nameof(RampSteps));
        }

        if (Kind == KlScheduleKind.Cyclical)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Cycles, nameof(Cycles));
            if (!(RampFraction > 0 && RampFraction <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(RampFraction), RampFraction, "The ramp fraction R must be in (0, 1].");
            }
        }
    }
}
