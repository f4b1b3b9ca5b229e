using LatentWorkbench.Compute;
using LatentWorkbench.Data;
using LatentWorkbench.Models.Vaes;
using LatentWorkbench.Runs;
using LatentWorkbench.Training;

namespace LatentWorkbench.Experiments;

/// <summary>
/// The seed-VAE recipe: seed, build, train on the 60k training digits (or reuse a stored run of the same
/// configuration), evaluate on the 10k test digits. The CLI's <c>train vae</c> and the notebooks call it.
/// </summary>
public static class VaeExperiment
{
    /// <summary>The model name runs are stored under.</summary>
    public const string ModelName = "vae";

    /// <summary>
    /// Trains and evaluates a VAE as <paramref name="options"/> say, reporting through <paramref name="callbacks"/>.
    /// With a <paramref name="store"/>, a completed run of the same configuration is loaded instead of trained
    /// (unless <paramref name="force"/>), and a new run is recorded there with its per-epoch metrics and checkpoint.
    /// </summary>
    public static VaeExperimentResult Run(
        VaeExperimentOptions options,
        MnistData mnist,
        IReadOnlyList<ITrainingCallback>? callbacks = null,
        RunStore? store = null,
        bool force = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(mnist);
        options.Validate();
        var device = Devices.Resolve(options.Device);
        using var train = MnistSplitTensors.From(mnist.Train, device);
        using var test = MnistSplitTensors.From(mnist.Test, device);
        var trained = ModelTraining.Train(Recipe(options), TrainingData.FromMnist(train, "train").WithoutLabels(), store, callbacks, force, cancellationToken);
        var sampled = VaeEvaluation.NegativeElbo(trained.Model, test.Images, options.Training.BatchSize, options.TestNoiseSeed);
        var mean = VaeEvaluation.NegativeElbo(trained.Model, test.Images, options.Training.BatchSize, null);
        return new VaeExperimentResult(trained.Model, trained.Epochs, sampled.Loss, mean.Loss, trained.Device, trained.RunId, trained.FromCache);
    }

    /// <summary>The generic recipe these options describe (model, trainer, optimiser, seed, device).</summary>
    public static ModelRecipe<Vae> Recipe(VaeExperimentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ModelRecipe<Vae>
        {
            ModelName = ModelName,
            Config = options.Model,
            Build = () => new Vae(options.Model),
            Training = options.Training,
            Optimizer = options.Optimizer,
            Seed = options.Seed,
            Device = options.Device,
        };
    }
}
