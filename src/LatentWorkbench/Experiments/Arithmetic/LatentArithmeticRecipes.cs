using LatentWorkbench.Compute;
using LatentWorkbench.Models.Autoencoders;
using LatentWorkbench.Models.Vaes;
using LatentWorkbench.Training;
using LatentWorkbench.Experiments.Vaes;

namespace LatentWorkbench.Experiments.Arithmetic;

/// <summary>
/// The models notebook 05 (latent arithmetic) compares, in one place so the notebook holds no numbers: an MLP
/// autoencoder shaped like the seed VAE (784-400-20, ReLU) so the two latent spaces differ only in the objective, the
/// seed VAE itself, and the subset sizes of a quick run. The classifier and the conditional VAE have their own recipes.
/// </summary>
public static class LatentArithmeticRecipes
{
    /// <summary>The model name the autoencoder's runs are stored under.</summary>
    public const string AutoencoderModelName = "autoencoder-mlp";

    /// <summary>Training digits a quick run uses (the first ones of the split).</summary>
    public const int QuickTrainCount = 5_000;

    /// <summary>784-400-20 with ReLU hidden units, a linear code and a sigmoid output trained with BCE: the seed VAE's shape.</summary>
    public static MlpAutoencoderConfig AutoencoderConfig { get; } = new(CodeSize: 20, HiddenSizes: [400], Activation: HiddenActivation.Relu);

    /// <summary>Training digits to use: all (null) or the quick subset.</summary>
    public static int? TrainCount(bool quick) => quick ? QuickTrainCount : null;

    /// <summary>The autoencoder recipe: the seed VAE's training (Adam 1e-3, batch 128, 10 epochs; 2 in a quick run).</summary>
    public static ModelRecipe<MlpAutoencoder, MlpAutoencoderConfig> Autoencoder(bool quick, DeviceChoice device = DeviceChoice.Auto, long seed = 0) => new()
    {
        ModelName = AutoencoderModelName,
        Config = AutoencoderConfig,
        Build = () => new MlpAutoencoder(AutoencoderConfig),
        Training = new TrainerOptions { Epochs = quick ? 2 : new TrainerOptions().Epochs },
        Optimizer = new OptimizerOptions(),
        Seed = seed,
        Device = device,
    };

    /// <summary>The seed VAE's recipe (<see cref="VaeExperimentOptions"/> defaults; 2 epochs in a quick run).</summary>
    public static ModelRecipe<IVariationalAutoencoder, VaeRunConfig> Vae(bool quick, DeviceChoice device = DeviceChoice.Auto, long seed = 0)
    {
        var defaults = VaeExperimentOptions.Default;
        var options = defaults with
        {
            Training = quick ? defaults.Training with { Epochs = 2 } : defaults.Training,
            Seed = seed,
            Device = device,
        };
        return VaeExperiment.Recipe(options);
    }
}
