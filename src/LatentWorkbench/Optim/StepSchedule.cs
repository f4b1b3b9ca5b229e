namespace LatentWorkbench.Optim;

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
