using LatentWorkbench.Models.Vaes;
using LatentWorkbench.Training;

namespace LatentWorkbench.Experiments.ConditionalVaes;

/// <summary>
/// Everything that defines a conditional-VAE run, plain or fully conditional; the single source of their defaults (the
/// seed VAE's sizes and training: 784-400-20 plus the 10-class one-hot, Adam 1e-3, batch 128, 10 epochs, seed 0; the
/// fully conditional variant's β).
/// </summary>
public sealed record ConditionalVaeExperimentOptions : StudyOptions
{
    /// <summary>The defaults: all 60k training digits.</summary>
    public static ConditionalVaeExperimentOptions Default { get; } = new();

    /// <summary>Layer sizes (both models).</summary>
    public ConditionalVaeConfig Model { get; init; } = new();

    /// <summary>
    /// The KL weight β of the fully conditional variant (<see cref="FullyConditionalVae"/>), chosen by measurement over
    /// three seeds (docs/latent-arithmetic.md, "The conditional VAE fixed").
    /// </summary>
    public double FullyConditionalBeta { get; init; } = 3.0;

    /// <summary>The fully conditional variant's config: <see cref="Model"/>'s sizes and <see cref="FullyConditionalBeta"/>.</summary>
    public FullyConditionalVaeConfig FullyConditionalModel => new(Model, FullyConditionalBeta);

    /// <summary>Epochs and batch size.</summary>
    public TrainerOptions Training { get; init; } = new();

    /// <summary>Optimiser and schedule.</summary>
    public OptimizerOptions Optimizer { get; init; } = new();

    /// <inheritdoc/>
    public override void Validate()
    {
        ValidateCounts();
        Model.Validate();
        FullyConditionalModel.Validate();
        Training.Validate();
        Optimizer.Validate();
    }

    /// <inheritdoc/>
    /// <remarks>Quick: the first 5,000 training digits, two epochs, the first 1,000 test digits.</remarks>
    protected override ConditionalVaeExperimentOptions ForBudget(StudyBudget budget) => budget switch
    {
        StudyBudget.Quick => this with { TrainCount = 5_000, TestCount = 1_000, Training = Training with { Epochs = 2 } },
        StudyBudget.Long => this with { TrainCount = null, TestCount = null, Training = Training with { Epochs = Training.Epochs * LongEpochFactor } },
        _ => throw UnknownBudget(budget),
    };
}
