using LatentWorkbench.Latent;
using LatentWorkbench.Models.Autoencoders;
using LatentWorkbench.Models.Vaes;
using LatentWorkbench.Runs;
using LatentWorkbench.Training;

namespace LatentWorkbench.Experiments.Arithmetic;

/// <summary>The autoencoder and the VAE of notebook 05 trained (or loaded) with one seed.</summary>
/// <param name="Seed">The seed both were trained with.</param>
/// <param name="Autoencoder">The 784-400-20 autoencoder's run.</param>
/// <param name="Vae">The seed VAE's run.</param>
public sealed record LatentArithmeticModels(long Seed, TrainedModel<MlpAutoencoder> Autoencoder, TrainedModel<IVariationalAutoencoder> Vae)
{
    /// <summary>Both as codecs, the autoencoder first ("AE", "VAE").</summary>
    public IReadOnlyList<LatentCodec> Codecs { get; } = [LatentCodec.Of(Autoencoder.Model), LatentCodec.Of(Vae.Model)];

    /// <summary>How many of the two were trained by this call.</summary>
    public int Trained => (Autoencoder.FromCache ? 0 : 1) + (Vae.FromCache ? 0 : 1);

    /// <summary>How many of the two were loaded from the run store.</summary>
    public int Loaded => 2 - Trained;

    /// <summary>
    /// Trains (or loads from <paramref name="store"/>) the autoencoder and the VAE of <paramref name="options"/> on
    /// <paramref name="data"/>, with live progress while one trains.
    /// </summary>
    public static LatentArithmeticModels Train(LatentArithmeticOptions options, TrainingData data, RunStore? store)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(data);
        var aeRecipe = LatentArithmeticRecipes.Autoencoder(options);
        var vaeRecipe = LatentArithmeticRecipes.Vae(options);
        var ae = ModelTraining.Train(aeRecipe, data, store, [new TrainingProgress($"autoencoder 784-400-20, seed {options.Seed}", aeRecipe.Training.Epochs)]);
        var vae = ModelTraining.Train(vaeRecipe, data, store, [new TrainingProgress($"VAE 784-400-20, seed {options.Seed}", vaeRecipe.Training.Epochs)]);
        return new LatentArithmeticModels(options.Seed, ae, vae);
    }
}
