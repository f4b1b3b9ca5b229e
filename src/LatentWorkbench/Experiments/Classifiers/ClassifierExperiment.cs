using LatentWorkbench.Data;
using LatentWorkbench.Models.Classifiers;
using LatentWorkbench.Runs;
using LatentWorkbench.Training;

namespace LatentWorkbench.Experiments.Classifiers;

/// <summary>
/// The digit-classifier recipe: seed, build, train on the MNIST training digits through <see cref="ModelTraining"/>
/// (or reuse a stored run of the same configuration), measure test accuracy. Notebooks use the trained model to
/// judge decoded images (<see cref="ClassifierPredictions"/>) and as a feature extractor.
/// </summary>
public static class ClassifierExperiment
{
    /// <summary>The model name runs are stored under.</summary>
    public const string ModelName = "classifier-conv";

    /// <summary>
    /// Trains (or loads from <paramref name="store"/>) the classifier <paramref name="options"/> describe and measures
    /// its accuracy on the test digits, reporting training through <paramref name="callbacks"/>.
    /// </summary>
    public static ClassifierExperimentResult Run(
        ClassifierExperimentOptions options,
        MnistData mnist,
        IReadOnlyList<ITrainingCallback>? callbacks = null,
        RunStore? store = null,
        bool force = false,
        CancellationToken cancellationToken = default)
    {
        using var study = StudyData.Load(options, mnist);
        var trained = ModelTraining.Train(Recipe(options), study.Training, store, callbacks, force, cancellationToken);
        var test = study.Test;
        double accuracy = ClassifierPredictions.Accuracy(trained.Model, test.Images, test.Labels);
        return new ClassifierExperimentResult(trained.Model, trained.Epochs, accuracy, test.Count, trained.Device, trained.RunId, trained.FromCache);
    }

    /// <summary>The generic recipe these options describe (model, trainer, optimiser, seed, device).</summary>
    public static ModelRecipe<ConvClassifier, ConvClassifierConfig> Recipe(ClassifierExperimentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ModelRecipe<ConvClassifier, ConvClassifierConfig>
        {
            ModelName = ModelName,
            Config = options.Model,
            Build = () => new ConvClassifier(options.Model),
            Training = options.Training,
            Optimizer = options.Optimizer,
            Seed = options.Seed,
            Device = options.Device,
        };
    }
}
