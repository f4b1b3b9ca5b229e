using LatentWorkbench.Compute;
using LatentWorkbench.Models;
using LatentWorkbench.Experiments.Vaes;

namespace LatentWorkbench.Training;

/// <summary>
/// Everything that defines how one model is trained: what to build and how to fit it. A model family's recipe
/// (e.g. <c>Experiments.VaeExperiment.Recipe</c>) fills one in from its options record, which stays the single source of its
/// defaults; <see cref="ModelTraining.Train{TModel, TConfig}"/> carries it out.
/// </summary>
/// <typeparam name="TModel">The model built; an <see cref="ITrainableModel"/>, an <see cref="ILabelledTrainableModel"/> or an <see cref="IAdversarialModel"/>.</typeparam>
/// <typeparam name="TConfig">The model's configuration record (e.g. <c>VaeConfig</c>, <c>Experiments.VaeRunConfig</c>): the run store's key.</typeparam>
public sealed record ModelRecipe<TModel, TConfig>
    where TModel : class, ITorchModel
    where TConfig : notnull
{
    /// <summary>Name the runs are stored under (the run store's model column), e.g. <c>vae</c>, <c>autoencoder-mlp</c>.</summary>
    public required string ModelName { get; init; }

    /// <summary>The model's configuration record: part of the cache key, so it must hold everything that shapes the model.</summary>
    public required TConfig Config { get; init; }

    /// <summary>Builds a fresh model; called right after <c>torch.manual_seed(</c><see cref="Seed"/><c>)</c>, on the CPU.</summary>
    public required Func<TModel> Build { get; init; }

    /// <summary>Epochs, batch size, clipping (the checkpoint path is chosen by the run store when there is one).</summary>
    public TrainerOptions Training { get; init; } = new();

    /// <summary>Optimiser and schedule.</summary>
    public OptimizerOptions Optimizer { get; init; } = new();

    /// <summary><c>torch.manual_seed</c> before the model is built: initialisation, shuffling and sampling follow from it.</summary>
    public long Seed { get; init; }

    /// <summary>Where to train.</summary>
    public DeviceChoice Device { get; init; } = DeviceChoice.Auto;

    /// <summary>What identifies a run for the cache: everything that changes the trained weights (not the device or where the checkpoint goes).</summary>
    public RunCacheKey<TConfig> CacheKey(string dataKey) => new(Config, Training with { CheckpointPath = null }, Optimizer, Seed, dataKey);

    /// <summary>Throws naming the first invalid option.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ModelName, nameof(ModelName));
        ArgumentNullException.ThrowIfNull(Config, nameof(Config));
        ArgumentNullException.ThrowIfNull(Build, nameof(Build));
        Training.Validate();
        Optimizer.Validate();
    }
}
