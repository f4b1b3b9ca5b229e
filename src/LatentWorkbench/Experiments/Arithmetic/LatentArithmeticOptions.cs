using LatentWorkbench.Training;

namespace LatentWorkbench.Experiments.Arithmetic;

/// <summary>
/// Everything that defines notebook 05's autoencoder and VAE runs (<see cref="LatentArithmeticRecipes"/>); the single
/// source of their shared defaults: the seed VAE's training on all 60k training digits. The classifier and the
/// conditional VAE have their own options records.
/// </summary>
public sealed record LatentArithmeticOptions : StudyOptions
{
    /// <summary>The defaults.</summary>
    public static LatentArithmeticOptions Default { get; } = new();

    /// <summary>Epochs, batch size and clipping of both models (the seed VAE's by default).</summary>
    public TrainerOptions Training { get; init; } = new();

    /// <inheritdoc/>
    public override void Validate()
    {
        ValidateCounts();
        Training.Validate();
    }

    /// <inheritdoc/>
    /// <remarks>Quick: the first 5,000 training digits, 2 epochs.</remarks>
    protected override LatentArithmeticOptions ForBudget(StudyBudget budget) => budget switch
    {
        StudyBudget.Quick => this with { TrainCount = 5_000, Training = Training with { Epochs = 2 } },
        StudyBudget.Long => this with { TrainCount = null, TestCount = null, Training = Training with { Epochs = Training.Epochs * LongEpochFactor } },
        _ => throw UnknownBudget(budget),
    };
}
