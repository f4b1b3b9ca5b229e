using System.Diagnostics;
using LatentWorkbench.Metrics;
using LatentWorkbench.Reduction;
using LatentWorkbench.Reduction.Pca;
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
        var input = features;
        double pcaSeconds = 0;
        if (options.PcaComponents > 0)
        {
            var pcaWatch = Stopwatch.StartNew();
            input = new Pca(new PcaOptions { Components = options.PcaComponents }).Fit(features).Transform(features);
            pcaSeconds = pcaWatch.Elapsed.TotalSeconds;
        }

        var watch = Stopwatch.StartNew();
        var embedding = new Umap(options.Umap).Fit(input, callback);
        double seconds = watch.Elapsed.TotalSeconds;
        var points = embedding.ToMatrix();
        double trust = NeighborhoodPreservation.Trustworthiness(input, points, options.QualityNeighbors);
        double knn = KnnAccuracy.CrossValidated(points, labels, k: options.QualityNeighbors, folds: options.KnnFolds);
        return new UmapExperimentResult(embedding, input, pcaSeconds, seconds, trust, knn);
    }

    /// <summary>The same for a tensor feature source ([N, D] on any device: pixels, PCA codes, AE codes, VAE μ).</summary>
    public static UmapExperimentResult Run(torch.Tensor features, ReadOnlySpan<byte> labels, UmapExperimentOptions? options = null, UmapCallback? callback = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        return Run(Matrix.FromTensor(features), labels, options, callback);
    }
}
