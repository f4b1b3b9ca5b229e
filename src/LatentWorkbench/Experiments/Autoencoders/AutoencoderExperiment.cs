using LatentWorkbench.Data;
using LatentWorkbench.Models.Autoencoders;
using LatentWorkbench.Runs;
using LatentWorkbench.Training;
using TorchSharp;

namespace LatentWorkbench.Experiments.Autoencoders;

/// <summary>
/// The autoencoder recipe: seed, build the architecture the options name, train on the MNIST training digits
/// through <see cref="ModelTraining"/> (or reuse a stored run of the same configuration), and measure the test
/// squared error per image, Hinton &amp; Salakhutdinov's measure (Σ over the 784 pixels in [0, 1], mean over test images).
/// </summary>
/// <remarks>
/// <c>AutoencoderExperiment.Run(AutoencoderExperimentOptions.Default with { CodeSize = 30 }, mnist, store: RunStore.Open())</c>
/// gives the AE-30 code space: <see cref="AutoencoderExperimentResult.Encode(torch.Tensor)"/> maps images to codes.
/// </remarks>
public static class AutoencoderExperiment
{
    /// <summary>The prefix of the model name runs are stored under (<c>autoencoder-mlp</c>, <c>autoencoder-linear</c>, …).</summary>
    public const string ModelNamePrefix = "autoencoder-";

    /// <summary>
    /// Trains (or loads) the autoencoder <paramref name="options"/> describe and evaluates it on the test digits.
    /// With a <paramref name="store"/>, a completed run of the same configuration and data is loaded instead of
    /// trained (unless <paramref name="force"/>); a new run is recorded there with its epochs and checkpoint.
    /// </summary>
    public static AutoencoderExperimentResult Run(
        AutoencoderExperimentOptions options,
        MnistData mnist,
        IReadOnlyList<ITrainingCallback>? callbacks = null,
        RunStore? store = null,
        bool force = false,
        CancellationToken cancellationToken = default)
    {
        using var study = StudyData.Load(options, mnist);
        var data = TrainingDataFor(options, study.Training);
        try
        {
            var trained = ModelTraining.Train(Recipe(options), data, store, callbacks, force, cancellationToken);
            double error = AutoencoderLoss.SquaredErrorPerImage(trained.Model, study.Test.Images);
            return new AutoencoderExperimentResult(trained.Model, options, trained.Epochs, error, trained.Device, trained.RunId, trained.FromCache);
        }
        finally
        {
            if (!ReferenceEquals(data.Inputs, study.Training.Inputs))
            {
                data.Inputs.Dispose();
            }
        }
    }

    /// <summary>
    /// <see cref="Run"/> with a live <see cref="TrainingProgress"/> titled <see cref="AutoencoderExperimentOptions.Label"/>
    /// in the running notebook cell while it trains; a run found in <paramref name="store"/> loads without a display.
    /// </summary>
    public static AutoencoderExperimentResult RunWithProgress(AutoencoderExperimentOptions options, MnistData mnist, RunStore? store = null, bool force = false)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(mnist);
        options.Validate();
        if (store is not null && !force && IsStored(options, mnist, store))
        {
            return Run(options, mnist, null, store, force);
        }

        var progress = new TrainingProgress(options.Label, options.Training.Epochs);
        var result = Run(options, mnist, [progress], store, force);
        progress.Complete();
        return result;
    }

    /// <summary>Whether <paramref name="store"/> holds a completed run of these options on this data (so <see cref="Run"/> would load it).</summary>
    public static bool IsStored(AutoencoderExperimentOptions options, MnistData mnist, RunStore store)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(mnist);
        ArgumentNullException.ThrowIfNull(store);
        var recipe = Recipe(options);
        var key = RunKey.For(recipe.ModelName, recipe.CacheKey(DataKey(options, mnist.Train.Count)));
        return store.TryFindCompleted(key.ConfigHash) is not null;
    }

    /// <summary>The generic recipe these options describe (model, trainer, optimiser, seed, device).</summary>
    public static ModelRecipe<IAutoencoder, AutoencoderRunConfig> Recipe(AutoencoderExperimentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = ModelConfig(options);
        return new ModelRecipe<IAutoencoder, AutoencoderRunConfig>
        {
            ModelName = ModelNamePrefix + options.Architecture.ToString().ToLowerInvariant(),
            Config = new AutoencoderRunConfig(config, options.Architecture == AutoencoderArchitecture.Denoising ? options.Noise : null),
            Build = () => Build(options, config),
            Training = options.Training,
            Optimizer = options.Optimizer,
            Seed = options.Seed,
            Device = options.Device,
        };
    }

    /// <summary>The model's own config record for <paramref name="options"/>: an <see cref="MlpAutoencoderConfig"/> (the MLP and the denoising model),
    /// <see cref="LinearAutoencoderConfig"/> or <see cref="ConvAutoencoderConfig"/> (validated).</summary>
    public static AutoencoderConfig ModelConfig(AutoencoderExperimentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        AutoencoderConfig config = options.Architecture switch
        {
            AutoencoderArchitecture.Linear => new LinearAutoencoderConfig(MnistSplit.PixelsPerImage, options.CodeSize, options.CenterInput),
            AutoencoderArchitecture.Conv => new ConvAutoencoderConfig(ImageSide: MnistSplit.Side, CodeSize: options.CodeSize, Loss: options.Loss),
            _ => new MlpAutoencoderConfig(MnistSplit.PixelsPerImage, options.CodeSize, options.HiddenSizes, options.Activation, options.Loss),
        };
        config.Validate();
        return config;
    }

    private static IAutoencoder Build(AutoencoderExperimentOptions options, AutoencoderConfig config) => config switch
    {
        LinearAutoencoderConfig linear => new LinearAutoencoder(linear),
        ConvAutoencoderConfig conv => new ConvAutoencoder(conv),
        MlpAutoencoderConfig mlp when options.Architecture == AutoencoderArchitecture.Denoising => new DenoisingAutoencoder(new MlpAutoencoder(mlp), options.Noise),
        MlpAutoencoderConfig mlp => new MlpAutoencoder(mlp),
        _ => throw new ArgumentException($"No autoencoder is built from a {config.GetType().Name}.", nameof(config)),
    };

    // The training prefix, without the excluded class when there is one; the key says both, so such runs never share a cache entry with full ones.
    private static TrainingData TrainingDataFor(AutoencoderExperimentOptions options, TrainingData prefix)
    {
        var data = prefix.WithoutLabels();
        if (options.ExcludedDigit is not { } digit)
        {
            return data;
        }

        using var kept = (prefix.Labels! != digit).nonzero().squeeze(1);
        return new TrainingData(data.Inputs.index_select(0, kept), null, WithoutDigit(data.Key, digit));
    }

    // The key TrainingDataFor gives, without building the data.
    private static string DataKey(AutoencoderExperimentOptions options, int trainCount)
    {
        string key = TrainingData.MnistKey("train", trainCount, Math.Min(options.TrainCount ?? trainCount, trainCount));
        return options.ExcludedDigit is { } digit ? WithoutDigit(key, digit) : key;
    }

    private static string WithoutDigit(string key, int digit) => $"{key}:without-{digit}";
}
