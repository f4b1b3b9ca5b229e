namespace LatentWorkbench.Reduction.Neighbors;

/// <summary>The k nearest neighbours of each query row: indices and squared Euclidean distances, nearest first.</summary>
/// <remarks>Row i of both arrays (length K each, stored N×K row-major) belongs to query i. Ties are broken by smaller index.</remarks>
public sealed class NeighborGraph
{
    private readonly int[] _indices;
    private readonly double[] _squaredDistances;

    internal NeighborGraph(int[] indices, double[] squaredDistances, int rows, int k)
    {
        _indices = indices;
        _squaredDistances = squaredDistances;
        Rows = rows;
        K = k;
    }

    /// <summary>The number of query rows N.</summary>
    public int Rows { get; }

    /// <summary>Neighbours per row.</summary>
    public int K { get; }

    /// <summary>Indices (into the reference rows) of the neighbours of row <paramref name="row"/>, nearest first.</summary>
    public ReadOnlySpan<int> Indices(int row) => _indices.AsSpan(row * K, K);

    /// <summary>Every row's indices, N×K row-major.</summary>
    internal ReadOnlySpan<int> AllIndices => _indices;

    /// <summary>Squared distances ‖x_row − x_j‖² (float64) matching <see cref="Indices"/>.</summary>
    public ReadOnlySpan<double> SquaredDistances(int row) => _squaredDistances.AsSpan(row * K, K);
}
