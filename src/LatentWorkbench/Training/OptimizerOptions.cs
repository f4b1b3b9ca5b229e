using TorchSharp;

namespace LatentWorkbench.Training;

/// <summary>The optimiser and its schedule; defaults are the seed VAE's (Adam, 1e-3, constant).</summary>
public sealed record OptimizerOptions
{
    /// <summary>Which optimiser.</summary>
    public OptimizerKind Kind { get; init; } = OptimizerKind.Adam;

    /// <summary>Initial learning rate.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>L2 penalty (Adam, SGD) or decoupled decay (AdamW).</summary>
    public double WeightDecay { get; init; }

    /// <summary>SGD momentum.</summary>
    public double Momentum { get; init; }

    /// <summary>Learning-rate schedule, stepped after each epoch.</summary>
    public ScheduleKind Schedule { get; init; } = ScheduleKind.Constant;

    /// <summary>Epochs between decays of <see cref="ScheduleKind.Step"/>.</summary>
    public int StepEpochs { get; init; } = 10;

    /// <summary>Decay factor of <see cref="ScheduleKind.Step"/>.</summary>
    public double StepGamma { get; init; } = 0.1;

    /// <summary>Throws naming the first invalid option.</summary>
    public void Validate()
    {
        if (!(LearningRate > 0) || !double.IsFinite(LearningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "The learning rate must be positive and finite.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(WeightDecay, nameof(WeightDecay));
        ArgumentOutOfRangeException.ThrowIfNegative(Momentum, nameof(Momentum));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(StepEpochs, nameof(StepEpochs));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(StepGamma, nameof(StepGamma));
    }

    /// <summary>Builds the optimiser over <paramref name="parameters"/>.</summary>
    public torch.optim.Optimizer Create(IEnumerable<TorchSharp.Modules.Parameter> parameters)
    {
        Validate();
        return Kind switch
        {
            OptimizerKind.Adam => torch.optim.Adam(parameters, LearningRate, weight_decay: WeightDecay),
            OptimizerKind.AdamW => torch.optim.AdamW(parameters, LearningRate, weight_decay: WeightDecay),
            _ => torch.optim.SGD(parameters, LearningRate, momentum: Momentum, weight_decay: WeightDecay),
        };
    }

    /// <summary>The schedule for <paramref name="optimizer"/> over <paramref name="epochs"/> epochs, or null for a constant rate.</summary>
    public torch.optim.lr_scheduler.LRScheduler? CreateSchedule(torch.optim.Optimizer optimizer, int epochs) => Schedule switch
    {
        ScheduleKind.Step => torch.optim.lr_scheduler.StepLR(optimizer, StepEpochs, StepGamma),
        ScheduleKind.Cosine => torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, epochs),
        _ => null,
    };
}
