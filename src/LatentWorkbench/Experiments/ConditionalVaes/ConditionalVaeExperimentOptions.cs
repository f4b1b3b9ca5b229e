using LatentWorkbench.Compute;
using LatentWorkbench.Models.Vaes;
using LatentWorkbench.Training;

namespace LatentWorkbench.Experiments.ConditionalVaes;

/// <summary>
/// Everything that defines a conditional-VAE run; the single source of its defaults (the seed VAE's sizes and training:
/// 784-400-20 plus the 10-class one-hot, Adam 1e-3, batch 128, 10 epochs, seed 0).
/// </summary>
public sealed record ConditionalVaeExperimentOptions
{
    /// <summary>The defaults: all 60k training digits.</summary>
    public static ConditionalVaeExperimentOptions Default { get; } = new();

    /// <summary>A quick run (notebook smoke tests): the first 5,000 training digits, two epochs, the first 1,000 test digits.</summary>
    public static ConditionalVaeExperimentOptions Quick { get; } = new()
    {
        Training = new TrainerOptions { Epochs = 2 },
        TrainCount = 5_000,
        TestCount = 1_000,
    };

    /// <summary>Layer sizes.</summary>
    public ConditionalVaeConfig Model { get; init; } = new();

    /// <summary>Epochs and batch size.</summary>
    public TrainerOptions Training { get; init; } = new();

    /// <summary>Optimiser and schedule.</summary>
    public OptimizerOptions Optimizer { get; init; } = new();

    /// <summary><c>torch.manual_seed</c> before the model is built: initialisation, shuffling and sampling follow from it.</summary>
    public long Seed { get; init; }

    /// <summary>Train on the first this many training digits; null: all of them.</summary>
    public int? TrainCount { get; init; }

    /// <summary>Evaluate on the first this many test digits; null: all of them.</summary>
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
