namespace LatentWorkbench.Experiments.Projections;

/// <summary>Which quality numbers a <see cref="ProjectionExperiment"/> computes (the ones it skips are NaN in its <see cref="Metrics.ProjectionQuality"/>).</summary>
/// <remarks>Trustworthiness and continuity cost O(N²·D) each; at 70,000 points only the k-NN accuracy is affordable.</remarks>
public enum ProjectionScoring
{
    /// <summary>The whole <see cref="Metrics.ProjectionQualityReport"/>: trustworthiness, continuity, k-NN accuracy, silhouette.</summary>
    Full,

    /// <summary>Trustworthiness and cross-validated k-NN accuracy: what <c>reduce tsne|umap</c> print and write to JSON.</summary>
    TrustworthinessAndKnn,

    /// <summary>Only the cross-validated k-NN accuracy.</summary>
    KnnOnly,
}
