namespace LatentWorkbench.Training;

/// <summary>Learning-rate schedules, stepped once per epoch.</summary>
public enum ScheduleKind
{
    /// <summary>A constant learning rate.</summary>
    Constant,

    /// <summary>Multiply by <see cref="OptimizerOptions.StepGamma"/> every <see cref="OptimizerOptions.StepEpochs"/> epochs.</summary>
    Step,

    /// <summary>Cosine annealing to zero over the run's epochs.</summary>
    Cosine,
}
