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
    /// Neighbours given directly (row-major N×k indices of other rows, and ascending distances ≥ 0), e.g. from another index.
    /// </summary>
    /// <exception cref="ArgumentException">The arrays do not hold rows × k values, an index is out of range or the row itself, or a distance is negative or not finite.</exception>
    public static NeighborGraph FromArrays(int[] indices, double[] distances, int rows, int k, NeighborDistance distance)
    {
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(distances);
        if (rows < 1 || k < 1 || indices.Length != rows * k || distances.Length != rows * k)
        {
            throw new ArgumentException($"indices and distances must both hold rows × k = {rows} × {k} values; got {indices.Length} and {distances.Length}.", nameof(indices));
        }

        for (int t = 0; t < indices.Length; t++)
        {
            if (indices[t] < 0 || indices[t] >= rows || indices[t] == t / k)
            {
                throw new ArgumentException($"indices[{t}] = {indices[t]} (row {t / k}) must name another row in [0, {rows}).", nameof(indices));
            }

            if (!(distances[t] >= 0) || !double.IsFinite(distances[t]))
            {
                throw new ArgumentException($"distances[{t}] = {distances[t]}; expected a finite distance ≥ 0.", nameof(distances));
            }
        }

        return new NeighborGraph((int[])indices.Clone(), (double[])distances.Clone(), rows, k, distance);
    }

    /// <summary>The same neighbours with each distance mapped by <paramref name="convert"/> (which must keep the order).</summary>
    internal NeighborGraph WithDistances(Func<double, double> convert, NeighborDistance distance) =>
        new(_indices, Array.ConvertAll(_distances, d => convert(d)), Rows, K, distance);
}
