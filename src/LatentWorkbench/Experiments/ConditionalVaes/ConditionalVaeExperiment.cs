using LatentWorkbench.Compute;
using LatentWorkbench.Data;
using LatentWorkbench.Models.Vaes;
using LatentWorkbench.Runs;
using LatentWorkbench.Training;
using TorchSharp;

namespace LatentWorkbench.Experiments.ConditionalVaes;

/// <summary>
/// The conditional-VAE recipes, plain and fully conditional: seed, build, train on labelled MNIST digits through
/// <see cref="ModelTraining"/> (or reuse a stored run of the same configuration), measure the held-out negative ELBO.
/// Notebook 05 uses them for style transfer and compares the two (<see cref="ConditionalVaeScores"/>).
/// </summary>
public static class ConditionalVaeExperiment
{
    /// <summary>The model name the plain model's runs are stored under.</summary>
    public const string ModelName = "vae-conditional";

    /// <summary>The model name the fully conditional variant's runs are stored under.</summary>
    public const string FullyConditionalModelName = "vae-conditional-full";

    /// <summary>Trains (or loads from <paramref name="store"/>) the model <paramref name="options"/> describe and evaluates it on the test digits.</summary>
    public static ConditionalVaeExperimentResult Run(
        ConditionalVaeExperimentOptions options,
        MnistData mnist,
        IReadOnlyList<ITrainingCallback>? callbacks = null,
        RunStore? store = null,
        bool force = false,
        CancellationToken cancellationToken = default)
        => Run(Recipe(options), options, mnist, callbacks, store, force, cancellationToken);

    /// <summary>As <see cref="Run(ConditionalVaeExperimentOptions, MnistData, IReadOnlyList{ITrainingCallback}?, RunStore?, bool, CancellationToken)"/>, for the fully conditional variant (<see cref="FullyConditionalVae"/>).</summary>
    public static ConditionalVaeExperimentResult RunFullyConditional(
        ConditionalVaeExperimentOptions options,
        MnistData mnist,
        IReadOnlyList<ITrainingCallback>? callbacks = null,
        RunStore? store = null,
        bool force = false,
        CancellationToken cancellationToken = default)
        => Run(FullyConditionalRecipe(options), options, mnist, callbacks, store, force, cancellationToken);

    /// <summary>The generic recipe these options describe (model, trainer, optimiser, seed, device).</summary>
    public static ModelRecipe<ConditionalVae, ConditionalVaeConfig> Recipe(ConditionalVaeExperimentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ModelRecipe<ConditionalVae, ConditionalVaeConfig>
        {
            ModelName = ModelName,
            Config = options.Model,
            Build = () => new ConditionalVae(options.Model),
            Training = options.Training,
            Optimizer = options.Optimizer,
            Seed = options.Seed,
            Device = options.Device,
        };
    }

    /// <summary>The fully conditional variant's recipe: the plain one's training with <see cref="ConditionalVaeExperimentOptions.FullyConditionalModel"/>.</summary>
    public static ModelRecipe<FullyConditionalVae, FullyConditionalVaeConfig> FullyConditionalRecipe(ConditionalVaeExperimentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = options.FullyConditionalModel;
        return new ModelRecipe<FullyConditionalVae, FullyConditionalVaeConfig>
        {
            ModelName = FullyConditionalModelName,
            Config = config,
            Build = () => new FullyConditionalVae(config),
            Training = options.Training,
            Optimizer = options.Optimizer,
            Seed = options.Seed,
            Device = options.Device,
        };
    }

    private static ConditionalVaeExperimentResult Run<TModel, TConfig>(
        ModelRecipe<TModel, TConfig> recipe,
        ConditionalVaeExperimentOptions options,
        MnistData mnist,
        IReadOnlyList<ITrainingCallback>? callbacks,
        RunStore? store,
        bool force,
        CancellationToken cancellationToken)
        where TModel : ConditionalVae
        where TConfig : notnull
    {
        using var study = StudyData.Load(options, mnist);
        var trained = ModelTraining.Train(recipe, study.Training, store, callbacks, force, cancellationToken);
        double loss = NegativeElboAtMean(trained.Model, study.Test.Images, study.Test.Labels, options.Training.BatchSize);
        return new ConditionalVaeExperimentResult(trained.Model, trained.Epochs, loss, trained.Device, trained.RunId, trained.FromCache);
    }

    /// <summary>Mean of BCE(sum) + KL(sum) per example with z = μ(x, y), in sequential batches, eval mode, no gradients.</summary>
    public static double NegativeElboAtMean(ConditionalVae model, torch.Tensor images, torch.Tensor labels, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        model.eval();
        long n = images.shape[0];
        double total = Batches.Sum(n, batchSize, (start, count) =>
        {
            var x = images.narrow(0, start, count);
            var y = labels.narrow(0, start, count);
            var posterior = model.Encode(x, y);
            var logits = model.DecodeLogits(posterior.Mean, y);
            return VaeLoss.ReconstructionSum(logits, x) + VaeLoss.KlSum(posterior);
        });
        return total / n;
    }
}
