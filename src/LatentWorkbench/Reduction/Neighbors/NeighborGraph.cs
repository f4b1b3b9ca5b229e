using LatentWorkbench.Compute;
using TorchSharp;

namespace LatentWorkbench.Reduction.Neighbors;

/// <summary>The k nearest neighbours of each query row: indices and distances, nearest first.</summary>
/// <remarks>
/// Row i of both arrays (length K each, stored N×K row-major) belongs to query i; ties are broken by the smaller index.
/// <see cref="Distance"/> says what the distances measure: exact search gives squared Euclidean distances, UMAP's
/// neighbour stage its metric's distances (<c>UmapNeighbors.Search</c>).
/// </remarks>
public sealed class NeighborGraph
{
    private readonly int[] _indices;
    private readonly double[] _distances;

    internal NeighborGraph(int[] indices, double[] distances, int rows, int k, NeighborDistance distance)
    {
        _indices = indices;
        _distances = distances;
        Rows = rows;
        K = k;
        Distance = distance;
    }

    /// <summary>The number of query rows N.</summary>
    public int Rows { get; }

    /// <summary>Neighbours per row.</summary>
    public int K { get; }

    /// <summary>What <see cref="Distances"/> measures.</summary>
    public NeighborDistance Distance { get; }

    /// <summary>Indices (into the reference rows) of the neighbours of row <paramref name="row"/>, nearest first.</summary>
    public ReadOnlySpan<int> Indices(int row) => _indices.AsSpan(row * K, K);

    /// <summary>Every row's indices, N×K row-major.</summary>
    internal ReadOnlySpan<int> AllIndices => _indices;

    /// <summary>Distances (float64, in the sense of <see cref="Distance"/>) matching <see cref="Indices"/>, ascending.</summary>
    public ReadOnlySpan<double> Distances(int row) => _distances.AsSpan(row * K, K);

    /// <summary>
    /// Neighbours given directly, e.g. from another index: for each of N rows the indices of k other rows and their
    /// distances, nearest first.
    /// </summary>
    /// <param name="indices">An integer tensor [N, k] (any integer dtype, any device) of rows in [0, N), never the row itself.</param>
    /// <param name="distances">[N, k] (any float dtype, any device), ascending along each row, finite and ≥ 0; kept as float64.</param>
    /// <param name="distance">What <paramref name="distances"/> measure.</param>
    /// <exception cref="ArgumentException">The tensors are not [N, k] alike with integer indices, an index is out of range or the row itself, or a distance is negative or not finite.</exception>
    public static NeighborGraph FromTensors(torch.Tensor indices, torch.Tensor distances, NeighborDistance distance)
    {
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(distances);
        if (indices.dim() != 2 || indices.is_floating_point() || indices.shape[0] < 1 || indices.shape[1] < 1 || !distances.shape.SequenceEqual(indices.shape))
        {
            throw new ArgumentException(
                $"indices must be an integer tensor [N, k] (N, k ≥ 1) and distances the same shape; got {indices.dtype} [{string.Join(", ", indices.shape)}] and [{string.Join(", ", distances.shape)}].",
                nameof(indices));
        }

        int rows = checked((int)indices.shape[0]), k = checked((int)indices.shape[1]);
        long[] given = TensorValues.Longs(indices);
        double[] gaps = TensorValues.Doubles(distances);
        var kept = new int[given.Length];
        for (int t = 0; t < given.Length; t++)
        {
            if (given[t] < 0 || given[t] >= rows || given[t] == t / k)
            {
                throw new ArgumentException($"indices[{t / k}, {t % k}] = {given[t]} must name another row in [0, {rows}).", nameof(indices));
            }

            if (!(gaps[t] >= 0) || !double.IsFinite(gaps[t]))
            {
                throw new ArgumentException($"distances[{t / k}, {t % k}] = {gaps[t]}; expected a finite distance ≥ 0.", nameof(distances));
            }

            kept[t] = (int)given[t];
        }

        return new NeighborGraph(kept, gaps, rows, k, distance);
    }

    /// <summary>The same neighbours with each distance mapped by <paramref name="convert"/> (which must keep the order).</summary>
    internal NeighborGraph WithDistances(Func<double, double> convert, NeighborDistance distance) =>
        new(_indices, Array.ConvertAll(_distances, d => convert(d)), Rows, K, distance);
}
