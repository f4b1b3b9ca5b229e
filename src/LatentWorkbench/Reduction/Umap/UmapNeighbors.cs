using LatentWorkbench.Reduction.Neighbors;

namespace LatentWorkbench.Reduction.Umap;

/// <summary>
/// Stage 1 of UMAP: the k − 1 nearest other points of every point with their distances in the chosen metric.
/// </summary>
/// <remarks>
/// Exact search through <see cref="ExactNeighbors"/> (blocked GEMM). Cosine distance is searched as the Euclidean
/// distance of unit-normalised rows: ‖x̂ − ŷ‖² = 2 − 2 cos, so the order is the same and d = ‖x̂ − ŷ‖² / 2.
/// Exact search by measurement: 70,000 × 784 pixels, k = 15, takes ≈ 39 s wall on 2 cores (docs/umap.md), within the
/// 3-minute budget for a full-MNIST UMAP, so no approximate index is used.
/// </remarks>
public sealed class UmapNeighbors
{
    private readonly int[] _indices;
    private readonly double[] _distances;

    private UmapNeighbors(int[] indices, double[] distances, int rows, int k)
    {
        _indices = indices;
        _distances = distances;
        Rows = rows;
        K = k;
    }

    /// <summary>N, the number of points.</summary>
    public int Rows { get; }

    /// <summary>Neighbours kept per point (the point itself not counted).</summary>
    public int K { get; }

    /// <summary>The neighbours of <paramref name="row"/>, nearest first (ties: smaller index).</summary>
    public ReadOnlySpan<int> Indices(int row) => _indices.AsSpan(row * K, K);

    /// <summary>Every row's indices, N×K row-major.</summary>
    internal ReadOnlySpan<int> AllIndices => _indices;

    /// <summary>Metric distances matching <see cref="Indices"/>, ascending.</summary>
    public ReadOnlySpan<double> Distances(int row) => _distances.AsSpan(row * K, K);

    /// <summary>The <paramref name="k"/> nearest other rows of each row of <paramref name="data"/> under <paramref name="metric"/>.</summary>
    /// <exception cref="ArgumentException">Data empty or non-finite; a zero row under the cosine metric; k not in [1, N − 1].</exception>
    public static UmapNeighbors Search(Matrix data, int k, UmapMetric metric)
    {
        InputValidation.RequireFiniteMatrix(data, nameof(data), minRows: 2);
        if (k < 1 || k >= data.Rows)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be between 1 and rows − 1 = {data.Rows - 1}.");
        }

        var searched = metric == UmapMetric.Cosine ? UnitRows(data) : data;
        var graph = ExactNeighbors.SearchCore(searched, searched, k, excludeSelf: true);
        var indices = new int[data.Rows * k];
        var distances = new double[data.Rows * k];
        for (int i = 0; i < data.Rows; i++)
        {
            graph.Indices(i).CopyTo(indices.AsSpan(i * k, k));
            var squared = graph.SquaredDistances(i);
            for (int j = 0; j < k; j++)
            {
                distances[(i * k) + j] = metric == UmapMetric.Cosine ? squared[j] / 2 : Math.Sqrt(squared[j]);
            }
        }

        return new UmapNeighbors(indices, distances, data.Rows, k);
    }

    /// <summary>Neighbours given directly (row-major N×k indices and ascending distances), e.g. from another index.</summary>
    public static UmapNeighbors FromArrays(int[] indices, double[] distances, int rows, int k)
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

        return new UmapNeighbors((int[])indices.Clone(), (double[])distances.Clone(), rows, k);
    }

    private static Matrix UnitRows(Matrix data)
    {
        var unit = new float[data.Data.Length];
        for (int i = 0; i < data.Rows; i++)
        {
            var row = data.Row(i);
            double squares = 0;
            foreach (float v in row)
            {
                squares += (double)v * v;
            }

            double norm = Math.Sqrt(squares);
            if (norm == 0)
            {
                throw new ArgumentException($"data row {i} is all zeros; the cosine distance is undefined for it (use the Euclidean metric or drop the row).", "data");
            }

            for (int j = 0; j < row.Length; j++)
            {
                unit[(i * data.Cols) + j] = (float)(row[j] / norm);
            }
        }

        return new Matrix(unit, data.Rows, data.Cols);
    }
}
