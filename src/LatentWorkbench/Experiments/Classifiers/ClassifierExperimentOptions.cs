using LatentWorkbench.Compute;
using LatentWorkbench.Models.Classifiers;
using LatentWorkbench.Training;

namespace LatentWorkbench.Experiments.Classifiers;

/// <summary>
/// Everything that defines a digit-classifier run; the single source of its defaults. The notebooks (05's judge of
/// decoded images, 06's feature extractor for Fréchet distances) bind to it.
/// </summary>
public sealed record ClassifierExperimentOptions
{
    /// <summary>The defaults: all 60k training digits, evaluated on all 10k test digits (≥ 99 % accuracy).</summary>
    public static ClassifierExperimentOptions Default { get; } = new();

    /// <summary>A quick run (notebook smoke tests): the first 5,000 training digits, one epoch, the first 1,000 test digits.</summary>
    public static ClassifierExperimentOptions Quick { get; } = new()
    {
        Training = new TrainerOptions { Epochs = 1, BatchSize = 64 },
        TrainCount = 5_000,
        TestCount = 1_000,
    };

    /// <summary>Layer sizes and dropout.</summary>
    public ConvClassifierConfig Model { get; init; } = new();

    /// <summary>Epochs and batch size.</summary>
    public TrainerOptions Training { get; init; } = new() { Epochs = 3, BatchSize = 64 };

    /// <summary>Adam with a cosine decay over the epochs.</summary>
    public OptimizerOptions Optimizer { get; init; } = new() { LearningRate = 2e-3, Schedule = ScheduleKind.Cosine };

    /// <summary><c>torch.manual_seed</c> before the model is built: initialisation, dropout and shuffling follow from it.</summary>
    public long Seed { get; init; }

    /// <summary>Train on the first this many training digits; null: all of them.</summary>
    public int? TrainCount { get; init; }

    /// <summary>Measure accuracy on the first this many test digits; null: all of them.</summary>
    public int? TestCount { get; init; }

    /// <summary>Where to train.</summary>
    public DeviceChoice Device { get; init; } = DeviceChoice.Auto;

    /// <summary>Throws naming the first invalid option.</summary>
    public void Validate()
    {
        Model.Validate();
        Training.Validate();
        Optimizer.Validate();
        if (TrainCount is { } train)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(train, nameof(TrainCount));
        }

        if (TestCount is { } test)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(test, nameof(TestCount));
        }
    }
}
