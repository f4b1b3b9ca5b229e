using System.Diagnostics;
using LatentWorkbench.Metrics;
using LatentWorkbench.Reduction;
using LatentWorkbench.Reduction.Pca;
using LatentWorkbench.Reduction.Tsne;

namespace LatentWorkbench.Experiments;

/// <summary>The t-SNE recipe the CLI measures and the notebooks show: PCA, t-SNE, quality report.</summary>
public static class TsneExperiment
{
    /// <summary>Projects <paramref name="features"/> (rows = examples) as <paramref name="options"/> say; <paramref name="labels"/> score the k-NN accuracy.</summary>
    /// <param name="features">Examples × features, e.g. MNIST pixels or a model's codes (<see cref="Matrix.FromTensor"/>).</param>
    /// <param name="labels">One class per row.</param>
    /// <param name="options">Hyperparameters (null: <see cref="TsneExperimentOptions.Default"/>).</param>
    /// <param name="callback">Called as t-SNE optimises (progress, early stop).</param>
    public static TsneExperimentResult Run(Matrix features, ReadOnlySpan<byte> labels, TsneExperimentOptions? options = null, TsneCallback? callback = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        options ??= TsneExperimentOptions.Default;
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
        var embedding = new Tsne(options.Tsne).Fit(input, callback);
        double seconds = watch.Elapsed.TotalSeconds;
        var points = embedding.ToMatrix();
        double trust = NeighborhoodPreservation.Trustworthiness(input, points, options.QualityNeighbors);
        double knn = KnnAccuracy.CrossValidated(points, labels, k: options.QualityNeighbors, folds: options.KnnFolds);
        return new TsneExperimentResult(embedding, input, pcaSeconds, seconds, trust, knn);
    }
}
