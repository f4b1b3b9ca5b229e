using LatentWorkbench.Latent;
using LatentWorkbench.Training;

namespace LatentWorkbench.Experiments.Arithmetic;

/// <summary>
/// Everything that defines notebook 05's autoencoder and VAE runs (<see cref="LatentArithmeticRecipes"/>); the single
/// source of their shared defaults (the seed VAE's training on all 60k training digits) and of the sizes of the
/// notebook's measurements. The classifier and the conditional VAE have their own options records.
/// </summary>
public sealed record LatentArithmeticOptions : StudyOptions
{
    /// <summary>The defaults.</summary>
    public static LatentArithmeticOptions Default { get; } = new();

    /// <summary>Epochs, batch size and clipping of both models (the seed VAE's by default).</summary>
    public TrainerOptions Training { get; init; } = new();

    /// <summary>How many pairs of test digits (of different classes) the lerp-against-slerp table walks between, per seed.</summary>
    public int InterpolationPairs { get; init; } = 30;

    /// <summary>Decoded images on each interpolation path, both ends included.</summary>
    public int InterpolationSteps { get; init; } = 11;

    /// <summary>The class pairs (p, q) of the thickness analogies "thick p − thin p + thin q".</summary>
    public IReadOnlyList<DigitPair> AnalogyPairs { get; init; } =
        [new(3, 5), new(1, 7), new(0, 6), new(2, 8), new(4, 9), new(7, 1), new(5, 3), new(8, 2)];

    /// <summary>The attributes whose latent directions are fitted and walked.</summary>
    public IReadOnlyList<DigitAttribute> Attributes { get; init; } = [DigitAttribute.Thickness, DigitAttribute.Slant];

    /// <summary>Training digits encoded for the latent statistics, the attribute fits and the class means.</summary>
    public int CodeSampleCount { get; init; } = 10_000;

    /// <summary>Test digits walked along each attribute direction.</summary>
    public int AttributeWalkOrigins { get; init; } = 32;

    /// <summary>Test digits moved to every other class in the class-arithmetic table.</summary>
    public int ClassChangeSources { get; init; } = 500;

    /// <summary>Test digits the analogies pick their thickest and thinnest examples from.</summary>
    public int AnalogyCandidates { get; init; } = 10_000;

    /// <summary>Test digits whose style the conditional VAE renders as every digit in the transfer table (and prior codes drawn for its baseline).</summary>
    public int TransferWriters { get; init; } = 1_000;

    /// <summary>Training digits whose conditional-VAE codes the label probe reads from, and test digits it is scored on.</summary>
    public int LabelProbeDigits { get; init; } = 5_000;

    /// <summary>Test digits masked and filled per seed in the inpainting table.</summary>
    public int InpaintingDigits { get; init; } = 1_000;

    /// <summary>Which pixels inpainting hides.</summary>
    public MaskRegion InpaintingMask { get; init; } = MaskRegion.BottomHalf;

    /// <summary>Encode–decode passes of the inpainting iteration (<see cref="Inpainting.Fill"/>); more passes drift (docs/latent-arithmetic.md, "Inpainting").</summary>
    public int InpaintingIterations { get; init; } = 3;

    /// <inheritdoc/>
    public override void Validate()
    {
        ValidateCounts();
        Training.Validate();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(InterpolationPairs, nameof(InterpolationPairs));
        ArgumentOutOfRangeException.ThrowIfLessThan(InterpolationSteps, 2, nameof(InterpolationSteps));
        ArgumentNullException.ThrowIfNull(AnalogyPairs, nameof(AnalogyPairs));
        ArgumentNullException.ThrowIfNull(Attributes, nameof(Attributes));
        foreach (var pair in AnalogyPairs.Where(p => p.First is < 0 or > 9 || p.Second is < 0 or > 9))
        {
            throw new ArgumentOutOfRangeException(nameof(AnalogyPairs), pair, "An analogy pair names two digits 0–9.");
        }

        foreach (var attribute in Attributes.Where(a => !Enum.IsDefined(a)))
        {
            throw new ArgumentOutOfRangeException(nameof(Attributes), attribute, $"Valid attributes: {string.Join(", ", Enum.GetNames<DigitAttribute>())}.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(CodeSampleCount, 2, nameof(CodeSampleCount));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(AttributeWalkOrigins, nameof(AttributeWalkOrigins));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ClassChangeSources, nameof(ClassChangeSources));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(AnalogyCandidates, nameof(AnalogyCandidates));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(TransferWriters, nameof(TransferWriters));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(LabelProbeDigits, nameof(LabelProbeDigits));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(InpaintingDigits, nameof(InpaintingDigits));
        ArgumentOutOfRangeException.ThrowIfNegative(InpaintingIterations, nameof(InpaintingIterations));
        if (!Enum.IsDefined(InpaintingMask))
        {
            throw new ArgumentOutOfRangeException(nameof(InpaintingMask), InpaintingMask, $"Valid regions: {string.Join(", ", Enum.GetNames<MaskRegion>())}.");
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Quick: the first 5,000 training digits, 2 epochs, and a tenth of the measurements' digits (5 interpolation pairs,
    /// 1,000 encoded codes, 8 walked origins, 50 moved digits, 1,000 analogy candidates, 100 writers, 500 probed codes, 100 inpainted digits).
    /// </remarks>
    protected override LatentArithmeticOptions ForBudget(StudyBudget budget) => budget switch
    {
        StudyBudget.Quick => this with
        {
            TrainCount = 5_000,
            Training = Training with { Epochs = 2 },
            InterpolationPairs = 5,
            CodeSampleCount = 1_000,
            AttributeWalkOrigins = 8,
            ClassChangeSources = 50,
            AnalogyCandidates = 1_000,
            TransferWriters = 100,
            LabelProbeDigits = 500,
            InpaintingDigits = 100,
        },
        StudyBudget.Long => this with { TrainCount = null, TestCount = null, Training = Training with { Epochs = Training.Epochs * LongEpochFactor } },
        _ => throw UnknownBudget(budget),
    };
}
