namespace LatentWorkbench.Optim;

/// <summary>A learning rate as a function of the step (or epoch) count; apply it with <see cref="Apply"/>.</summary>
public abstract class LearningRateSchedule
{
    /// <summary>The learning rate at <paramref name="step"/> (0-based).</summary>
    public abstract float At(int step);

    /// <summary>Sets the optimizer's learning rate for <paramref name="step"/>.</summary>
    public void Apply(Optimizer optimizer, int step)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        optimizer.LearningRate = At(step);
    }
}

/// <summary>Step decay: lr₀·γ^⌊step / stepSize⌋ (PyTorch's StepLR).</summary>
public sealed class StepSchedule : LearningRateSchedule
{
    private readonly float _initial;
    private readonly int _stepSize;
    private readonly float _gamma;

    /// <summary>Creates the schedule.</summary>
    public StepSchedule(float initial, int stepSize, float gamma = 0.1f)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(initial);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stepSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(gamma);
        (_initial, _stepSize, _gamma) = (initial, stepSize, gamma);
    }

    /// <inheritdoc/>
    public override float At(int step) => _initial * MathF.Pow(_gamma, step / _stepSize);
}

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

/// <summary>Linear warm-up from lr/warmup to the inner schedule's value over the first steps, then the inner schedule.</summary>
public sealed class LinearWarmupSchedule : LearningRateSchedule
{
    private readonly int _warmupSteps;
    private readonly LearningRateSchedule _after;

    /// <summary>Creates the schedule.</summary>
    public LinearWarmupSchedule(int warmupSteps, LearningRateSchedule after)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(warmupSteps);
        ArgumentNullException.ThrowIfNull(after);
        (_warmupSteps, _after) = (warmupSteps, after);
    }

    /// <inheritdoc/>
    public override float At(int step) => step < _warmupSteps
        ? _after.At(0) * (step + 1) / _warmupSteps
        : _after.At(step - _warmupSteps);
}
