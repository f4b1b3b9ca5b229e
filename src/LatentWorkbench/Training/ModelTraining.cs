using LatentWorkbench.Compute;
using LatentWorkbench.Models;
using LatentWorkbench.Runs;
using TorchSharp;

namespace LatentWorkbench.Training;

/// <summary>
/// The one train-or-reuse recipe every model family goes through: seed, build, fit with the <see cref="Trainer"/>,
/// record the run (config, per-epoch metrics, checkpoint) in the run store, and on a later call with the same
/// recipe and data load the stored checkpoint instead of training again.
/// </summary>
public static class ModelTraining
{
    /// <summary>
    /// Trains the model <paramref name="recipe"/> describes on <paramref name="data"/>, or loads it from
    /// <paramref name="store"/> when a completed run of the same recipe and data is there (unless <paramref name="force"/>).
    /// </summary>
    /// <param name="recipe">What to build and how to train it.</param>
    /// <param name="data">The examples (moved to the recipe's device if they are elsewhere); labels are used when the model is an <see cref="ILabelledTrainableModel"/>.
    /// An <see cref="IAdversarialModel"/> is trained with its own two optimisers (<see cref="ModelRecipe{TModel, TConfig}.Optimizer"/> is not used).</param>
    /// <param name="store">The run store; null trains every time and records nothing.</param>
    /// <param name="callbacks">Progress, early stopping, diagnostics; not called for a cached run.</param>
    /// <param name="force">Train even when a cached run exists.</param>
    /// <param name="cancellationToken">Stops training between steps; the run is recorded as cancelled and the cached one stays.</param>
    /// <returns>The model in eval mode on the recipe's device, with its epoch reports.</returns>
    /// <exception cref="ArgumentException">The model needs labels and <paramref name="data"/> has none, or it is neither kind of trainable model.</exception>
    public static TrainedModel<TModel> Train<TModel, TConfig>(
        ModelRecipe<TModel, TConfig> recipe,
        TrainingData data,
        RunStore? store = null,
        IReadOnlyList<ITrainingCallback>? callbacks = null,
        bool force = false,
        CancellationToken cancellationToken = default)
        where TModel : class, ITorchModel
        where TConfig : notnull
    {
        ArgumentNullException.ThrowIfNull(recipe);
        ArgumentNullException.ThrowIfNull(data);
        recipe.Validate();
        TorchRuntime.EnsureInitialized();
        var device = Devices.Resolve(recipe.Device);
        string deviceName = device.type.ToString().ToLowerInvariant();
        if (store is null)
        {
            var (model, epochs) = Fit(recipe, data, device, callbacks, null, cancellationToken);
            return new TrainedModel<TModel>(model, epochs, deviceName, null, false);
        }

        TModel? trainedNow = null;
        IReadOnlyList<EpochReport> trainedEpochs = [];
        var outcome = store.GetOrTrain(recipe.ModelName, recipe.CacheKey(data.Key), deviceName, recorder =>
        {
            string checkpoint = recorder.CheckpointPath(".pt");
            var recorded = recipe with { Training = recipe.Training with { CheckpointPath = checkpoint } };
            (trainedNow, trainedEpochs) = Fit(recorded, data, device, callbacks, recorder, cancellationToken);
            return checkpoint;
        }, force);
        if (trainedNow is not null)
        {
            return new TrainedModel<TModel>(trainedNow, trainedEpochs, deviceName, outcome.Run.Id, false);
        }

        torch.manual_seed(recipe.Seed);
        var loaded = recipe.Build();
        Checkpoint.Load(loaded.Module, outcome.Run.CheckpointPath!);
        loaded.Module.to(device);
        loaded.Module.eval();
        return new TrainedModel<TModel>(loaded, outcome.Run.Epochs.Select(RunEpochs.ToReport).ToList(), deviceName, outcome.Run.Id, true);
    }

    private static (TModel Model, IReadOnlyList<EpochReport> Epochs) Fit<TModel, TConfig>(
        ModelRecipe<TModel, TConfig> recipe, TrainingData data, torch.Device device, IReadOnlyList<ITrainingCallback>? callbacks, IRunRecorder? recorder, CancellationToken cancellationToken)
        where TModel : class, ITorchModel
        where TConfig : notnull
    {
        // to() returns a new handle (a copy only when the data lives elsewhere); disposing it leaves the caller's tensors alive.
        using var inputs = data.Inputs.to(device);
        using var labels = data.Labels?.to(device);
        torch.manual_seed(recipe.Seed);
        var model = recipe.Build();
        model.Module.to(device);
        if (model is IDataInitializedModel initialized)
        {
            using var noGrad = torch.no_grad();
            initialized.InitializeFromData(inputs);
        }

        var all = new List<ITrainingCallback>(callbacks ?? []);
        if (recorder is not null)
        {
            all.Add(new RunEpochs(recorder));
        }

        var trainer = new Trainer(recipe.Training, [.. all]);
        if (model is IAdversarialModel adversarial)
        {
            var (discriminatorOptimizer, generatorOptimizer) = adversarial.CreateOptimizers();
            using (discriminatorOptimizer)
            using (generatorOptimizer)
            {
                return (model, trainer.Fit(adversarial, discriminatorOptimizer, generatorOptimizer, inputs, cancellationToken));
            }
        }

        using var optimizer = recipe.Optimizer.Create(model.Module.parameters());
        var schedule = recipe.Optimizer.CreateSchedule(optimizer, recipe.Training.Epochs);
        var history = model switch
        {
            ILabelledTrainableModel labelled when labels is not null => trainer.Fit(labelled, optimizer, inputs, labels, schedule, cancellationToken),
            ILabelledTrainableModel => throw new ArgumentException($"{typeof(TModel).Name} learns from labels, but the training data '{data.Key}' has none.", nameof(data)),
            ITrainableModel unlabelled => trainer.Fit(unlabelled, optimizer, inputs, schedule, cancellationToken),
            _ => throw new ArgumentException($"{typeof(TModel).Name} is neither an ITrainableModel, an ILabelledTrainableModel nor an IAdversarialModel; the Trainer cannot fit it.", nameof(recipe)),
        };
        return (model, history);
    }
}
