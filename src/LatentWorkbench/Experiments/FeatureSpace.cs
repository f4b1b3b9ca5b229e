using LatentWorkbench.Reduction;
using TorchSharp;

namespace LatentWorkbench.Experiments;

/// <summary>A named feature source to project: pixels, PCA codes, autoencoder codes, VAE means (rows = examples).</summary>
/// <param name="Name">What the features are, e.g. "pixels", "PCA-50", "VAE-20 μ".</param>
/// <param name="Features">N×D features.</param>
public sealed record FeatureSpace(string Name, Matrix Features)
{
    /// <summary>A feature space from a tensor ([N, D] or [N, …], any device): one copy to host memory.</summary>
    public static FeatureSpace FromTensor(string name, torch.Tensor features) => new(name, Matrix.FromTensor(features));
}
