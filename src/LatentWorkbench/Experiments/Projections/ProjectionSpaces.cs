using LatentWorkbench.Experiments.Autoencoders;
using LatentWorkbench.Experiments.Vaes;
using TorchSharp;

namespace LatentWorkbench.Experiments.Projections;

/// <summary>The feature spaces of one seed of notebook 04 (<see cref="ProjectionStudy.Spaces"/>) and the models behind them.</summary>
/// <param name="Seed">The seed the models were trained with (and the projections of these spaces are seeded with).</param>
/// <param name="Spaces">The requested spaces, in <see cref="ProjectionStudyOptions.Spaces"/> order, each float32 [points, D].</param>
/// <param name="Pca">The PCA space (whether or not requested): the sweeps and the all-digits maps run on it.</param>
/// <param name="Labels">The digits' labels, int64 [points].</param>
/// <param name="Autoencoder">The autoencoder whose codes are a space, when requested.</param>
/// <param name="Vae">The VAE whose means are a space, when requested.</param>
public sealed record ProjectionSpaces(
    long Seed,
    IReadOnlyList<FeatureSpace> Spaces,
    FeatureSpace Pca,
    torch.Tensor Labels,
    AutoencoderExperimentResult? Autoencoder,
    VaeExperimentResult? Vae)
{
    /// <summary>How many of the models were trained by this call (the others came from the run store).</summary>
    public int ModelsTrained => (Autoencoder is { FromCache: false } ? 1 : 0) + (Vae is { FromCache: false } ? 1 : 0);

    /// <summary>How many of the models were loaded from the run store.</summary>
    public int ModelsLoaded => (Autoencoder is { FromCache: true } ? 1 : 0) + (Vae is { FromCache: true } ? 1 : 0);
}
