using System.Diagnostics;
using LatentWorkbench.Metrics;
using LatentWorkbench.Reduction;
using LatentWorkbench.Reduction.Pca;

namespace LatentWorkbench.Experiments;

/// <summary>
/// The steps the t-SNE and UMAP recipes share: optional PCA first, the timed fit, then trustworthiness against the
/// fitted input and cross-validated k-NN accuracy of the 2-D points.
/// </summary>
internal static class ProjectionMeasurement
{
    /// <summary>Runs <paramref name="fit"/> on <paramref name="features"/> (reduced to <paramref name="pcaComponents"/> first when above 0) and scores its points.</summary>
    public static Measured<TEmbedding> Run<TEmbedding>(
        Matrix features, ReadOnlySpan<byte> labels, int pcaComponents, int qualityNeighbors, int knnFolds, Func<Matrix, TEmbedding> fit, Func<TEmbedding, Matrix> points)
    {
        var input = features;
        double pcaSeconds = 0;
        if (pcaComponents > 0)
        {
            var pcaWatch = Stopwatch.StartNew();
            input = new PcaReducer(new PcaOptions { Components = pcaComponents }).Fit(features).Transform(features);
            pcaSeconds = pcaWatch.Elapsed.TotalSeconds;
        }

        var watch = Stopwatch.StartNew();
        var embedding = fit(input);
        double seconds = watch.Elapsed.TotalSeconds;
        var embedded = points(embedding);
        double trust = NeighborhoodPreservation.Trustworthiness(input, embedded, qualityNeighbors);
        double knn = KnnAccuracy.CrossValidated(embedded, labels, k: qualityNeighbors, folds: knnFolds);
        return new Measured<TEmbedding>(embedding, input, pcaSeconds, seconds, trust, knn);
    }

    /// <summary>What <see cref="Run{TEmbedding}"/> measured.</summary>
    internal readonly record struct Measured<TEmbedding>(TEmbedding Embedding, Matrix Input, double PcaSeconds, double Seconds, double Trustworthiness, double KnnAccuracy);
}
