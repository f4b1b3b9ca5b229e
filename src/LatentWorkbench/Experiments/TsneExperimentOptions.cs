using LatentWorkbench.Reduction.Tsne;

namespace LatentWorkbench.Experiments;

/// <summary>
/// A t-SNE projection with its quality report: PCA to <see cref="PcaComponents"/> dimensions, t-SNE, then
/// trustworthiness against the t-SNE input and cross-validated k-NN accuracy of the embedding. The single source
/// of these defaults; <c>workbench reduce tsne</c> and the notebooks bind to it.
/// </summary>
public sealed record TsneExperimentOptions
{
    /// <summary>The defaults.</summary>
    public static TsneExperimentOptions Default { get; } = new();

    /// <summary>Principal components to reduce to before t-SNE (0: the raw features).</summary>
    public int PcaComponents { get; init; } = 50;

    /// <summary>The t-SNE hyperparameters (perplexity, iterations, initialisation, gradient method, seed).</summary>
    public TsneOptions Tsne { get; init; } = new();

    /// <summary>Neighbours for trustworthiness and the k-NN accuracy (van der Maaten 2009 use 10 for MNIST).</summary>
    public int QualityNeighbors { get; init; } = 10;

    /// <summary>Folds of the cross-validated k-NN accuracy.</summary>
    public int KnnFolds { get; init; } = 5;

    /// <summary>Throws naming the first invalid option.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(PcaComponents, nameof(PcaComponents));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(QualityNeighbors, nameof(QualityNeighbors));
        ArgumentOutOfRangeException.ThrowIfLessThan(KnnFolds, 2, nameof(KnnFolds));
    }
}
