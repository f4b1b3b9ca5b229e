namespace LatentWorkbench.Reduction.Neighbors;

/// <summary>What the distances of a <see cref="NeighborGraph"/> measure.</summary>
public enum NeighborDistance
{
    /// <summary>‖x − y‖² (exact search, t-SNE's affinities, the projection metrics).</summary>
    SquaredEuclidean,

    /// <summary>‖x − y‖ (UMAP's Euclidean metric).</summary>
    Euclidean,

    /// <summary>1 − cos(x, y) (UMAP's cosine metric).</summary>
    Cosine,
}
