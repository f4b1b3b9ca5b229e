using LatentWorkbench.Reduction.Neighbors;

namespace LatentWorkbench.Reduction.Umap;

/// <summary>
/// Stage 1 of UMAP: the k − 1 nearest other points of every point with their distances in the chosen metric, as a
/// <see cref="NeighborGraph"/> (the storage exact search and t-SNE use too).
/// </summary>
/// <remarks>
/// Exact search through <see cref="ExactNeighbors"/> (blocked GEMM). Cosine distance is searched as the Euclidean
/// distance of unit-normalised rows: ‖x̂ − ŷ‖² = 2 − 2 cos, so the order is the same and d = ‖x̂ − ŷ‖² / 2.
/// Exact search by measurement: 70,000 × 784 pixels, k = 15, takes ≈ 39 s wall on 2 cores (docs/umap.md), within the
/// 3-minute budget for a full-MNIST UMAP, so no approximate index is used.
/// </remarks>
internal static class UmapNeighbors
{
    /// <summary>The <paramref name="k"/> nearest other rows of each row of <paramref name="data"/>, with distances in <paramref name="metric"/>.</summary>
    /// <exception cref="ArgumentException">Data empty or non-finite; a zero row under the cosine metric; k not in [1, N − 1].</exception>
    public static NeighborGraph Search(Matrix data, int k, UmapMetric metric)
    {
        InputValidation.RequireFiniteMatrix(data, nameof(data), minRows: 2);
        if (k < 1 || k >= data.Rows)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be between 1 and rows − 1 = {data.Rows - 1}.");
        }

        var searched = metric == UmapMetric.Cosine ? UnitRows(data) : data;
        var squared = ExactNeighbors.SearchCore(searched, searched, k, excludeSelf: true);
        return metric == UmapMetric.Cosine
            ? squared.WithDistances(d => d / 2, NeighborDistance.Cosine)
            : squared.WithDistances(Math.Sqrt, NeighborDistance.Euclidean);
    }

    private static Matrix UnitRows(Matrix data)
    {
        var unit = new float[data.Values.Length];
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
