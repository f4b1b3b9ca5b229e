using LatentWorkbench.Data;
using LatentWorkbench.Models.Vaes;
using LatentWorkbench.Runs;
using LatentWorkbench.Training;

namespace LatentWorkbench.Experiments.Vaes;

/// <summary>
/// The VAE recipe for the whole family: seed, build the network and objective the options choose, train on the
/// training digits (or reuse a stored run of the same configuration), evaluate the negative ELBO on the test digits.
/// The CLI's <c>train vae</c> and the notebooks call it; the defaults are the seed recipe.
/// </summary>
public static class VaeExperiment
{
    /// <summary>The model name the seed VAE's runs (MLP network, plain ELBO) are stored under.</summary>
    public const string ModelName = "vae";

    /// <summary>
    /// Trains and evaluates a VAE as <paramref name="options"/> say, reporting through <paramref name="callbacks"/>.
    /// With a <paramref name="store"/>, a completed run of the same configuration is loaded instead of trained
    /// (unless <paramref name="force"/>), and a new run is recorded there with its per-epoch metrics and checkpoint.
    /// </summary>
    /// <exception cref="ArgumentException">The network's input size is not MNIST's 784 pixels.</exception>
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
        int inputSize = options.Architecture == VaeArchitecture.Conv ? options.Conv.InputSize : options.Model.InputSize;
        if (inputSize != MnistSplit.PixelsPerImage)
        {
            throw new ArgumentException($"The {options.Architecture} network takes {inputSize} pixels per image, but MNIST images have {MnistSplit.PixelsPerImage}.", nameof(options));
        }

        using var study = StudyData.Load(options, mnist);
        var trained = ModelTraining.Train(Recipe(options), study.Training.WithoutLabels(), store, callbacks, force, cancellationToken);
        var testImages = study.Test.Images;
        var sampled = VaeEvaluation.NegativeElbo(trained.Model, testImages, options.Training.BatchSize, options.TestNoiseSeed);
        var mean = VaeEvaluation.NegativeElbo(trained.Model, testImages, options.Training.BatchSize, null);
        return new VaeExperimentResult(options, trained.Model, trained.Epochs, sampled, mean.Loss, trained.Device, trained.RunId, trained.FromCache);
    }

    /// <summary>The generic recipe these options describe (network and variant, trainer, optimiser, seed, device).</summary>
    /// <remarks>
    /// Stored under <see cref="StoredModelName"/> with <see cref="VaeRunConfig"/> as its key, whose JSON keeps the keys of runs
    /// stored before variants were records (the seed family's is its <see cref="VaeConfig"/>).
    /// </remarks>
    public static ModelRecipe<IVariationalAutoencoder, VaeRunConfig> Recipe(VaeExperimentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new ModelRecipe<IVariationalAutoencoder, VaeRunConfig>
        {
            ModelName = StoredModelName(options),
            Config = VaeRunConfig.From(options),
            Build = () => Build(options),
            Training = options.Training,
            Optimizer = options.Optimizer,
            Seed = options.Seed,
            Device = options.Device,
        };
    }

    /// <summary>A fresh model of these options (on the CPU, initialised from torch's global generator): the network wrapped in its variant.</summary>
    public static IVariationalAutoencoder Build(VaeExperimentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        IVariationalAutoencoder network = options.Architecture == VaeArchitecture.Conv ? new ConvVae(options.Conv) : new Vae(options.Model);
        return options.Variant.Build(network);
    }

    /// <summary>The run store's model name: the variant's <see cref="VaeVariantConfig.StoredName"/> (<c>vae</c>, <c>beta-vae</c>, <c>iwae</c>, …), prefixed <c>conv-</c> for the conv network.</summary>
    public static string StoredModelName(VaeExperimentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string variant = options.Variant.StoredName();
        return options.Architecture == VaeArchitecture.Conv ? "conv-" + variant : variant;
    }

    /// <summary>
    /// A live training display for a notebook (<see cref="TrainingProgress"/>) that appears with the first training
    /// step: a run loaded from the store trains no step and so shows none.
    /// </summary>
    /// <param name="options">The run (its title and epochs).</param>
    /// <param name="observer">Also receives every status shown (logs, tests); optional.</param>
    public static ITrainingCallback LiveProgress(VaeExperimentOptions options, Action<TrainingStatus>? observer = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ProgressOnFirstStep(options.Title, options.Training.Epochs, observer);
    }

    private sealed class ProgressOnFirstStep(string title, int epochs, Action<TrainingStatus>? observer) : ITrainingCallback
    {
        private TrainingProgress? _progress;

        public void OnStepEnd(in StepReport report) => (_progress ??= new TrainingProgress(title, epochs, observer)).OnStepEnd(report);

        public bool OnEpochEnd(EpochReport report) => _progress?.OnEpochEnd(report) ?? true;
    }
}
