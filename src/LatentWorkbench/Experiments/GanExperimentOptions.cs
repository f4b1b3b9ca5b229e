using LatentWorkbench.Compute;
using LatentWorkbench.Models.Gans;
using LatentWorkbench.Training;

namespace LatentWorkbench.Experiments;

/// <summary>Everything shared by the GAN runs of the mode-collapse study; the single source of its defaults and settings.</summary>
public sealed record GanExperimentOptions
{
    /// <summary>The defaults: 10,000 training digits, 10 epochs.</summary>
    public static GanExperimentOptions Default { get; } = new();

    /// <summary>Small enough for <c>--quick</c>: 1,000 digits, 2 epochs.</summary>
    public static GanExperimentOptions Quick { get; } = new()
    {
        TrainCount = 1_000,
        Training = new TrainerOptions { Epochs = 2, BatchSize = 64 },
        SampleCount = 500,
    };

    /// <summary>The network sizes every setting shares (a setting changes packing and learning rates).</summary>
    public GanConfig Model { get; init; } = new();

    /// <summary>Training digits: the first this many of the training split.</summary>
    public int TrainCount { get; init; } = 10_000;

    /// <summary>Epochs and batch size (a multiple of every setting's packing).</summary>
    public TrainerOptions Training { get; init; } = new() { Epochs = 10, BatchSize = 64 };

    /// <summary>Samples drawn from the same noise after every epoch for the grid over training.</summary>
    public int SnapshotCount { get; init; } = 10;

    /// <summary>Samples whose class histogram and features are measured after training.</summary>
    public int SampleCount { get; init; } = 2_000;

    /// <summary>PacGAN's m in the remedy.</summary>
    public int Packing { get; init; } = 4;

    /// <summary>The generator's learning rate over the discriminator's in the collapsing setting.</summary>
    public double CollapsingRateRatio { get; init; } = 5;

    /// <summary><c>torch.manual_seed</c> of every run, and the seed of the snapshot and sample noise.</summary>
    public long Seed { get; init; }

    /// <summary>Where to train.</summary>
    public DeviceChoice Device { get; init; } = DeviceChoice.Auto;

    /// <summary>
    /// The collapsing setting (a generator that learns <see cref="CollapsingRateRatio"/> times faster than its discriminator)
    /// and the remedies on it: PacGAN packing (m = <see cref="Packing"/>), and the balanced learning rates of DCGAN.
    /// </summary>
    public IReadOnlyList<GanSetting> Settings()
    {
        var fast = Model with { GeneratorLearningRate = Model.DiscriminatorLearningRate * CollapsingRateRatio };
        return
        [
            new($"G lr ×{CollapsingRateRatio:0.#}", fast),
            new($"G lr ×{CollapsingRateRatio:0.#}, PacGAN m = {Packing}", fast with { Packing = Packing }),
            new("balanced lr", Model),
        ];
    }

    /// <summary>Throws naming the first invalid option.</summary>
    public void Validate()
    {
        Model.Validate();
        Training.Validate();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(TrainCount, nameof(TrainCount));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(SnapshotCount, nameof(SnapshotCount));
        ArgumentOutOfRangeException.ThrowIfLessThan(SampleCount, 2, nameof(SampleCount));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Packing, nameof(Packing));
        if (!(CollapsingRateRatio > 0) || !double.IsFinite(CollapsingRateRatio))
        {
            throw new ArgumentOutOfRangeException(nameof(CollapsingRateRatio), CollapsingRateRatio, "The learning-rate ratio must be positive and finite.");
        }
    }
}
