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
