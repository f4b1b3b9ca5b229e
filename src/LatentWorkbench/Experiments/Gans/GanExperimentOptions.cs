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

    /// <summary>The network sizes and learning rates every setting shares (the remedy adds spectral normalisation).</summary>
    public GanConfig Model { get; init; } = new();

    /// <summary>Epochs and batch size.</summary>
    public TrainerOptions Training { get; init; } = new() { Epochs = 8, BatchSize = 64 };

    /// <summary>Samples drawn from the same noise after every epoch for the grid over training.</summary>
    public int SnapshotCount { get; init; } = 10;

    /// <summary>Samples whose class histogram and features are measured after training.</summary>
    public int SampleCount { get; init; } = 2_000;

    /// <summary>
    /// The less diverse training set of the data-diversity experiment: the first this many training digits, repeated until
    /// there are <see cref="StudyOptions.TrainCount"/> (so an epoch takes as many steps as on the full set).
    /// </summary>
    public int FewDistinctDigits { get; init; } = 100;

    /// <summary>
    /// The discriminator's dropout probability of the optional training-choice run on the few distinct digits, in [0, 1);
    /// 0, the default, skips that run (it costs one more GAN, about 25 s of the main job on 2 CPU cores; e.g. 0.3 adds it).
    /// </summary>
    public double FewDigitDropout { get; init; }

    /// <summary>When set, every run trains on the first this many training digits repeated (<see cref="TrainingData.RepeatingFirst"/>); null: every digit distinct.</summary>
    public int? DistinctTrainCount { get; init; }

    /// <summary>
    /// The setting that collapses: DCGAN's recipe (equal learning rates 2·10⁻⁴, β₁ = ½) on this MLP GAN. The discriminator
    /// outruns the generator (its loss falls towards 0), and the generator answers the one direction that still fools it
    /// by mapping all noise to nearly the same image.
    /// </summary>
    public GanSetting Collapsing() => new("plain GAN", Model);

    /// <summary>
    /// The remedy: the same GAN and rates with a spectrally normalised discriminator (Miyato et al. 2018), which cannot
    /// become confident fast enough to leave the generator one narrow way out.
    /// </summary>
    public GanSetting Remedy() => new("spectral norm", Model with { SpectralNorm = true });

    /// <summary>The collapsing setting, then its remedy.</summary>
    public IReadOnlyList<GanSetting> Settings() => [Collapsing(), Remedy()];

    /// <summary>
    /// The data-diversity experiment's settings, to train with <see cref="WithFewDistinctDigits"/>: the remedy and, when
    /// <see cref="FewDigitDropout"/> is above 0, the remedy with that dropout in the discriminator, each named with the
    /// digits it saw.
    /// </summary>
    public IReadOnlyList<GanSetting> FewDigitSettings()
    {
        var remedy = Remedy();
        string digits = $"{FewDistinctDigits} distinct digits";
        GanSetting few = new($"{remedy.Name}, {digits}", remedy.Config);
        return FewDigitDropout > 0
            ? [few, new($"{remedy.Name}, D dropout {FewDigitDropout:0.##}, {digits}", remedy.Config with { DiscriminatorDropout = FewDigitDropout })]
            : [few];
    }

    /// <summary>These options training on <see cref="FewDistinctDigits"/> distinct digits repeated: the data-diversity experiment's runs.</summary>
    public GanExperimentOptions WithFewDistinctDigits() => this with { DistinctTrainCount = FewDistinctDigits };

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
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(FewDistinctDigits, nameof(FewDistinctDigits));
        if (!(FewDigitDropout >= 0 && FewDigitDropout < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(FewDigitDropout), FewDigitDropout, "The discriminator's dropout must lie in [0, 1); 0 skips the dropout run.");
        }
        if (DistinctTrainCount is { } distinct)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(distinct, nameof(DistinctTrainCount));
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
