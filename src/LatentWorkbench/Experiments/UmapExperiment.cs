using LatentWorkbench.Reduction;
using LatentWorkbench.Reduction.Umap;
using TorchSharp;

namespace LatentWorkbench.Experiments;

/// <summary>The UMAP recipe the CLI measures and the notebooks show: optional PCA, UMAP, quality report.</summary>
public static class UmapExperiment
{
    /// <summary>Projects <paramref name="features"/> (rows = examples) as <paramref name="options"/> say; <paramref name="labels"/> score the k-NN accuracy.</summary>
    /// <param name="features">Examples × features, e.g. MNIST pixels or a model's codes.</param>
    /// <param name="labels">One class per row.</param>
    /// <param name="options">Hyperparameters (null: <see cref="UmapExperimentOptions.Default"/>).</param>
    /// <param name="callback">Called as UMAP runs (stages, layout epochs; may stop the layout).</param>
    public static UmapExperimentResult Run(Matrix features, ReadOnlySpan<byte> labels, UmapExperimentOptions? options = null, UmapCallback? callback = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        options ??= UmapExperimentOptions.Default;
        options.Validate();
        var m = ProjectionMeasurement.Run(features, labels, options.PcaComponents, options.QualityNeighbors, options.KnnFolds,
            input => new UmapReducer(options.Umap).Fit(input, callback), embedding => embedding.ToMatrix());
        return new UmapExperimentResult(m.Embedding, m.Input, m.PcaSeconds, m.Seconds, m.Trustworthiness, m.KnnAccuracy);
    }

    /// <summary>The same for a tensor feature source ([N, D] on any device: pixels, PCA codes, AE codes, VAE μ).</summary>
    public static UmapExperimentResult Run(torch.Tensor features, ReadOnlySpan<byte> labels, UmapExperimentOptions? options = null, UmapCallback? callback = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        return Run(Matrix.FromTensor(features), labels, options, callback);
    }
}
