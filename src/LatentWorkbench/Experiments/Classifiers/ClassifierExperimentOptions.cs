using LatentWorkbench.Models.Classifiers;
using LatentWorkbench.Training;

namespace LatentWorkbench.Experiments.Classifiers;

/// <summary>
/// Everything that defines a digit-classifier run; the single source of its defaults. The notebooks (05's judge of
/// decoded images, 06's feature extractor for Fréchet distances) bind to it.
/// </summary>
public sealed record ClassifierExperimentOptions : StudyOptions
{
    /// <summary>The defaults: all 60k training digits, evaluated on all 10k test digits (≥ 99 % accuracy).</summary>
    public static ClassifierExperimentOptions Default { get; } = new();

    /// <summary>Layer sizes and dropout.</summary>
    public ConvClassifierConfig Model { get; init; } = new();

    /// <summary>Epochs and batch size.</summary>
    public TrainerOptions Training { get; init; } = new() { Epochs = 3, BatchSize = 64 };

    /// <summary>Adam with a cosine decay over the epochs.</summary>
    public OptimizerOptions Optimizer { get; init; } = new() { LearningRate = 2e-3, Schedule = ScheduleKind.Cosine };

    /// <inheritdoc/>
    public override void Validate()
    {
        ValidateCounts();
        Model.Validate();
        Training.Validate();
        Optimizer.Validate();
    }

    /// <inheritdoc/>
    /// <remarks>Quick: the first 5,000 training digits, one epoch, the first 1,000 test digits.</remarks>
    protected override ClassifierExperimentOptions ForBudget(StudyBudget budget) => budget switch
    {
        StudyBudget.Quick => this with { TrainCount = 5_000, TestCount = 1_000, Training = Training with { Epochs = 1 } },
        StudyBudget.Long => this with { TrainCount = null, TestCount = null, Training = Training with { Epochs = Training.Epochs * LongEpochFactor } },
        _ => throw UnknownBudget(budget),
    };
}
