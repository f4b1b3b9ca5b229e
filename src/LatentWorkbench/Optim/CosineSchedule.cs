namespace LatentWorkbench.Optim;

/// <summary>Cosine annealing: η_min + ½(lr₀ − η_min)(1 + cos(π·t / T)), constant at η_min after T (Loshchilov &amp; Hutter 2017).</summary>
public sealed class CosineSchedule : LearningRateSchedule
{
    private readonly float _initial;
    private readonly int _totalSteps;
    private readonly float _minimum;

    /// <summary>Creates the schedule.</summary>
    public CosineSchedule(float initial, int totalSteps, float minimum = 0f)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(initial);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(totalSteps);
        ArgumentOutOfRangeException.ThrowIfNegative(minimum);
        (_initial, _totalSteps, _minimum) = (initial, totalSteps, minimum);
    }

    /// <inheritdoc/>
    public override float At(int step)
    {
        double t = Math.Min(step, _totalSteps);
        float lr = (float)(_minimum + (0.5 * (_initial - _minimum) * (1 + Math.Cos(Math.PI * t / _totalSteps))));
        return Math.Max(lr, float.Epsilon);
    }
}
