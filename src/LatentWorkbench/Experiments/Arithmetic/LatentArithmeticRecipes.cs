using LatentWorkbench.Models.Autoencoders;
using LatentWorkbench.Models.Vaes;
using LatentWorkbench.Training;
using LatentWorkbench.Experiments.Vaes;

namespace LatentWorkbench.Experiments.Arithmetic;

/// <summary>
/// The models notebook 05 (latent arithmetic) compares, in one place so the notebook holds no numbers: an MLP
/// autoencoder shaped like the seed VAE (784-400-20, ReLU) so the two latent spaces differ only in the objective, and
/// the seed VAE itself, both trained as <see cref="LatentArithmeticOptions"/> say. The classifier and the conditional
/// VAE have their own recipes.
/// </summary>
public static class LatentArithmeticRecipes
{
    /// <summary>The model name the autoencoder's runs are stored under.</summary>
    public const string AutoencoderModelName = "autoencoder-mlp";

    /// <summary>784-400-20 with ReLU hidden units, a linear code and a sigmoid output trained with BCE: the seed VAE's shape.</summary>
    public static MlpAutoencoderConfig AutoencoderConfig { get; } = new(CodeSize: 20, HiddenSizes: [400], Activation: HiddenActivation.Relu);

    /// <summary>The autoencoder recipe: the seed VAE's optimiser and the training of <paramref name="options"/>.</summary>
    public static ModelRecipe<MlpAutoencoder, MlpAutoencoderConfig> Autoencoder(LatentArithmeticOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new()
        {
            ModelName = AutoencoderModelName,
            Config = AutoencoderConfig,
            Build = () => new MlpAutoencoder(AutoencoderConfig),
            Training = options.Training,
            Optimizer = new OptimizerOptions(),
            Seed = options.Seed,
            Device = options.Device,
        };
    }

    /// <summary>The seed VAE's recipe (<see cref="VaeExperimentOptions"/> defaults) with the training, seed and device of <paramref name="options"/>.</summary>
    public static ModelRecipe<IVariationalAutoencoder, VaeRunConfig> Vae(LatentArithmeticOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return VaeExperiment.Recipe(VaeExperimentOptions.Default with { Training = options.Training, Seed = options.Seed, Device = options.Device });
    }
}
