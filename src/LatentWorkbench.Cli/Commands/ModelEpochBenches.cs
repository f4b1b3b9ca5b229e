using System.CommandLine;
using LatentWorkbench.Experiments.Autoencoders;
using LatentWorkbench.Experiments.Vaes;
using LatentWorkbench.Models.Vaes;

namespace LatentWorkbench.Cli.Commands;

/// <summary>The models the epoch benches measure, each with its defaults from its options record and its PyTorch twin in tools/reference/.</summary>
internal static class ModelEpochBenches
{
    /// <summary><c>bench vae-epoch</c>: the seed VAE (784-400-20, batch 128, Adam) against tools/reference/vae_epoch.py.</summary>
    public static Command Vae()
    {
        var defaults = VaeExperimentOptions.Default;
        return EpochBench.Create(
            "vae-epoch",
            "Seconds per steady-state epoch of the seed VAE (784-400-20, batch 128, Adam), wall and CPU, and memory per epoch.",
            "vae_epoch.py",
            defaults.Seed,
            () =>
            {
                var model = new Vae(defaults.Model);
                return new EpochBench.Setup(model, defaults.Optimizer.Create(model.parameters()), defaults.Training);
            });
    }

    /// <summary><c>bench ae-epoch</c>: notebook 02's deep autoencoder (784-1000-500-250-30, batch 128, Adam) against tools/reference/ae_epoch.py.</summary>
    public static Command DeepAutoencoder()
    {
        var defaults = AutoencoderExperimentOptions.Default;
        return EpochBench.Create(
            "ae-epoch",
            "Seconds per steady-state epoch of the deep autoencoder of notebook 02 (784-1000-500-250-30, batch 128, Adam), wall and CPU, and memory per epoch.",
            "ae_epoch.py",
            defaults.Seed,
            () =>
            {
                var recipe = AutoencoderExperiment.Recipe(defaults);
                var model = recipe.Build();
                return new EpochBench.Setup(model, recipe.Optimizer.Create(model.Module.parameters()), recipe.Training);
            });
    }
}
