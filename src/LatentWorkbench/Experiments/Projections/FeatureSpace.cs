using TorchSharp;

namespace LatentWorkbench.Experiments.Projections;

/// <summary>A named feature source to project: pixels, PCA codes, autoencoder codes, VAE means (rows = examples).</summary>
/// <param name="Name">What the features are, e.g. "pixels", "PCA-50", "VAE-20 μ".</param>
/// <param name="Features">float32 [N, D] on any device (read in place when contiguous on the CPU, else copied once per projection).</param>
public sealed record FeatureSpace(string Name, torch.Tensor Features)
{
    /// <summary>D, the number of features per example.</summary>
    public long Dimensions => Features.shape[^1];
}
