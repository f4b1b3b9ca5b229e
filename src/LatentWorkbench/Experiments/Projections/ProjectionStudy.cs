using LatentWorkbench.Data;
using LatentWorkbench.Experiments.Autoencoders;
using LatentWorkbench.Experiments.Vaes;
using LatentWorkbench.Reduction.Pca;
using LatentWorkbench.Runs;
using LatentWorkbench.Training;
using TorchSharp;

namespace LatentWorkbench.Experiments.Projections;

/// <summary>
/// Notebook 04's recipe for its inputs: the descriptions of the same test digits that t-SNE and UMAP then project
/// (<see cref="ProjectionExperiment"/>), built as <see cref="ProjectionStudyOptions"/> say, the models through the run store.
/// </summary>
public static class ProjectionStudy
{
    /// <summary>
    /// The first <see cref="ProjectionStudyOptions.Points"/> test digits as every space of <paramref name="options"/>:
    /// PCA fitted on the first <see cref="StudyOptions.TrainCount"/> training digits; the autoencoder and the VAE trained
    /// (or loaded from <paramref name="store"/>) with the options' seed and device, showing live progress while one trains.
    /// </summary>
    public static ProjectionSpaces Spaces(ProjectionStudyOptions options, MnistData mnist, RunStore? store)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(mnist);
        options.Validate();
        var test = mnist.Test.Take(options.Points);
        var pcaTrain = options.TrainCount is { } count ? mnist.Train.Take(count) : mnist.Train;
        var pca = new FeatureSpace($"PCA-{options.PcaComponents}", new PcaReducer(new PcaOptions { Components = options.PcaComponents }).Fit(pcaTrain.Images).Transform(test.Images));

        AutoencoderExperimentResult? autoencoder = null;
        VaeExperimentResult? vae = null;
        var spaces = new List<FeatureSpace>();
        foreach (var space in options.Spaces)
        {
            switch (space)
            {
                case ProjectionInputSpace.Pixels:
                    spaces.Add(new FeatureSpace("pixels", test.Images));
                    break;
                case ProjectionInputSpace.Pca:
                    spaces.Add(pca);
                    break;
                case ProjectionInputSpace.Autoencoder:
                    autoencoder ??= AutoencoderExperiment.RunWithProgress(AutoencoderOptions(options), mnist, store);
                    spaces.Add(new FeatureSpace($"AE-{options.AutoencoderCodeSize}", OnCpu(autoencoder.Encode(test.Images.to(autoencoder.Device)))));
                    break;
                default:
                    vae ??= TrainVae(options, mnist, store);
                    spaces.Add(new FeatureSpace($"VAE-{vae.Model.LatentSize} μ", Means(vae, test)));
                    break;
            }
        }

        return new ProjectionSpaces(options.Seed, spaces, pca, test.Labels, autoencoder, vae);
    }

    /// <summary>Notebook 02's autoencoder options at the study's code size, seed and device (so its stored run is shared).</summary>
    public static AutoencoderExperimentOptions AutoencoderOptions(ProjectionStudyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Autoencoder with { CodeSize = options.AutoencoderCodeSize, Seed = options.Seed, Device = options.Device };
    }

    /// <summary>Notebook 03's VAE options at the study's seed and device (so its stored run is shared).</summary>
    public static VaeExperimentOptions VaeOptions(ProjectionStudyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Vae with { Seed = options.Seed, Device = options.Device };
    }

    private static VaeExperimentResult TrainVae(ProjectionStudyOptions options, MnistData mnist, RunStore? store)
    {
        var vaeOptions = VaeOptions(options);
        var progress = new TrainingProgress($"VAE (seed {options.Seed})", vaeOptions.Training.Epochs);
        return VaeExperiment.Run(vaeOptions, mnist, [progress], store);
    }

    private static torch.Tensor Means(VaeExperimentResult vae, MnistSplit test)
    {
        using var noGrad = torch.no_grad();
        using var onDevice = test.To(torch.device(vae.Device));
        return OnCpu(vae.Model.Encode(onDevice.Images).Mean);
    }

    private static torch.Tensor OnCpu(torch.Tensor features) => features.device_type == DeviceType.CPU ? features : features.cpu();
}
