using LatentWorkbench.Reduction.Umap;

namespace LatentWorkbench.Experiments;

/// <summary>
/// A UMAP projection with its quality report: optional PCA to <see cref="PcaComponents"/> dimensions, UMAP, then
/// trustworthiness against the UMAP input and cross-validated k-NN accuracy of the embedding. The single source of
/// these defaults; <c>workbench reduce umap</c>, <c>bench umap</c> and the notebooks bind to it.
/// </summary>
public sealed record UmapExperimentOptions
{
    /// <summary>The defaults.</summary>
    public static UmapExperimentOptions Default { get; } = new();

    /// <summary>Principal components to reduce to before UMAP (0, the default: the raw features, as umap-learn is used on MNIST).</summary>
    public int PcaComponents { get; init; }

    /// <summary>The UMAP hyperparameters (n_neighbors 15, min_dist 0.1, spread 1, euclidean, spectral init, seed 0).</summary>
    public UmapOptions Umap { get; init; } = new();

    /// <summary>Neighbours for trustworthiness and the k-NN accuracy.</summary>
    public int QualityNeighbors { get; init; } = 10;

    /// <summary>Folds of the cross-validated k-NN accuracy.</summary>
    public int KnnFolds { get; init; } = 5;

    /// <summary>Throws naming the first invalid option (the UMAP options themselves are checked by the fit).</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(PcaComponents, nameof(PcaComponents));
        ArgumentNullException.ThrowIfNull(Umap, nameof(Umap));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(QualityNeighbors, nameof(QualityNeighbors));
        ArgumentOutOfRangeException.ThrowIfLessThan(KnnFolds, 2, nameof(KnnFolds));
    }
}
