namespace LatentWorkbench.Optim;

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
