using LatentWorkbench.Models.Gans;
using LatentWorkbench.Training;

namespace LatentWorkbench.Experiments.Gans;

/// <summary>Everything shared by the GAN runs of the mode-collapse study; the single source of its defaults and settings.</summary>
public sealed record GanExperimentOptions : StudyOptions
{
    /// <summary>Options with this study's default data size: the first 10,000 training digits.</summary>
    public GanExperimentOptions() => TrainCount = 10_000;

    /// <summary>The defaults: 10,000 training digits, 8 epochs.</summary>
    public static GanExperimentOptions Default { get; } = new();

    /// <summary>The network sizes every setting shares (a setting changes packing and learning rates).</summary>
    public GanConfig Model { get; init; } = new();

    /// <summary>Epochs and batch size (a multiple of every setting's packing).</summary>
    public TrainerOptions Training { get; init; } = new() { Epochs = 8, BatchSize = 64 };

    /// <summary>Samples drawn from the same noise after every epoch for the grid over training.</summary>
    public int SnapshotCount { get; init; } = 10;

    /// <summary>Samples whose class histogram and features are measured after training.</summary>
    public int SampleCount { get; init; } = 2_000;

    /// <summary>PacGAN's m in the remedy.</summary>
    public int Packing { get; init; } = 4;

    /// <summary>The generator's learning rate over the discriminator's in the learning-rate remedy.</summary>
    public double GeneratorRateRatio { get; init; } = 5;

    /// <summary>
    /// The collapsing setting and its remedies. Collapsing: DCGAN's equal learning rates (2·10⁻⁴, β₁ = ½) on this MLP GAN;
    /// the discriminator outruns the generator (its loss falls towards 0), and the generator answers the one direction
    /// that still fools it by mapping all noise to nearly the same image. Remedies: the generator learning
    /// <see cref="GeneratorRateRatio"/> times faster, so it keeps up; and PacGAN packing (m = <see cref="Packing"/>) at the
    /// equal rates, so that sameness itself is visible to the discriminator.
    /// </summary>
    public IReadOnlyList<GanSetting> Settings() =>
    [
        new("equal lr", Model),
        new($"G lr ×{GeneratorRateRatio:0.#}", Model with { GeneratorLearningRate = Model.DiscriminatorLearningRate * GeneratorRateRatio }),
        new($"equal lr, PacGAN m = {Packing}", Model with { Packing = Packing }),
    ];

    /// <summary>
    /// These options with <paramref name="trainCount"/> training digits, <paramref name="epochs"/> epochs and
    /// <paramref name="sampleCount"/> measured samples, each applied only where it differs from <see cref="Default"/>'s: a
    /// notebook parameter left at its default keeps the budget's own size, one the user changed wins over the budget.
    /// </summary>
    public GanExperimentOptions WithChangedSizes(int trainCount, int epochs, int sampleCount) => this with
    {
        TrainCount = trainCount == Default.TrainCount ? TrainCount : trainCount,
        Training = epochs == Default.Training.Epochs ? Training : Training with { Epochs = epochs },
        SampleCount = sampleCount == Default.SampleCount ? SampleCount : sampleCount,
    };

    /// <inheritdoc/>
    public override void Validate()
    {
        ValidateCounts();
        Model.Validate();
        Training.Validate();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(SnapshotCount, nameof(SnapshotCount));
        ArgumentOutOfRangeException.ThrowIfLessThan(SampleCount, 2, nameof(SampleCount));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Packing, nameof(Packing));
        if (!(GeneratorRateRatio > 0) || !double.IsFinite(GeneratorRateRatio))
        {
            throw new ArgumentOutOfRangeException(nameof(GeneratorRateRatio), GeneratorRateRatio, "The learning-rate ratio must be positive and finite.");
        }
    }

    /// <inheritdoc/>
    /// <remarks>Quick, small enough for <c>--quick</c>: 500 digits, 2 epochs, 500 measured samples.</remarks>
    protected override GanExperimentOptions ForBudget(StudyBudget budget) => budget switch
    {
        StudyBudget.Quick => this with { TrainCount = 500, Training = Training with { Epochs = 2 }, SampleCount = 500 },
        StudyBudget.Long => this with { TrainCount = null, TestCount = null, Training = Training with { Epochs = Training.Epochs * LongEpochFactor } },
        _ => throw UnknownBudget(budget),
    };
}
