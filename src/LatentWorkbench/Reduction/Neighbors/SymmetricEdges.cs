namespace LatentWorkbench.Reduction.Neighbors;

/// <summary>
/// A k-NN graph's directed edge weights made symmetric, in CSR with sorted columns: each edge i → j is stored in row
/// i and in row j, and a pair found in both directions is merged into one weight by the caller's rule (t-SNE: the sum
/// p_{j|i} + p_{i|j}; UMAP: the fuzzy union v + u − v·u).
/// </summary>
/// <remarks>
/// Rows are filled in bucket order (no global sort) and then sorted one by one in parallel; the merge order within a
/// row is fixed by the sort, so the result is the same on every run and for any number of threads.
/// </remarks>
internal static class SymmetricEdges
{
    /// <summary>Builds the symmetric CSR graph.</summary>
    /// <param name="rows">N, the number of points.</param>
    /// <param name="k">Neighbours per point.</param>
    /// <param name="neighbors">The neighbour indices of each point, N×K row-major.</param>
    /// <param name="weights">The weight of each directed edge, matching <paramref name="neighbors"/>.</param>
    /// <param name="merge">Combines the two weights of a pair found in both directions.</param>
    public static (int[] RowStart, int[] Columns, double[] Values) Build(int rows, int k, ReadOnlySpan<int> neighbors, ReadOnlySpan<double> weights, Func<double, double, double> merge)
    {
        if (neighbors.Length != rows * k || weights.Length != rows * k)
        {
            throw new ArgumentException($"Expected {rows} × {k} neighbours and weights; got {neighbors.Length} and {weights.Length}.", nameof(neighbors));
        }

        var counts = new int[rows];
        for (int i = 0; i < rows; i++)
        {
            counts[i] += k;
            foreach (int j in neighbors.Slice(i * k, k))
            {
                counts[j]++;
            }
        }

        var start = new int[rows + 1];
        for (int i = 0; i < rows; i++)
        {
            start[i + 1] = start[i] + counts[i];
        }

        var columns = new int[start[rows]];
        var values = new double[start[rows]];
        var fill = start[..rows];
        for (int edge = 0; edge < rows * k; edge++)
        {
            int i = edge / k, j = neighbors[edge];
            double w = weights[edge];
            columns[fill[i]] = j;
            values[fill[i]++] = w;
            columns[fill[j]] = i;
            values[fill[j]++] = w;
        }

        var merged = new int[rows];
        Parallel.For(0, rows, i => merged[i] = SortAndMergeRow(columns, values, start[i], start[i + 1] - start[i], merge));

        var rowStart = new int[rows + 1];
        for (int i = 0; i < rows; i++)
        {
            rowStart[i + 1] = rowStart[i] + merged[i];
        }

        var finalColumns = new int[rowStart[rows]];
        var finalValues = new double[rowStart[rows]];
        for (int i = 0; i < rows; i++)
        {
            Array.Copy(columns, start[i], finalColumns, rowStart[i], merged[i]);
            Array.Copy(values, start[i], finalValues, rowStart[i], merged[i]);
        }

        return (rowStart, finalColumns, finalValues);
    }

    // Sorts one row's entries by column in place and merges equal columns; returns the merged length.
    private static int SortAndMergeRow(int[] columns, double[] values, int start, int length, Func<double, double, double> merge)
    {
        Array.Sort(columns, values, start, length);
        int write = start;
        for (int read = start; read < start + length; read++)
        {
            if (write > start && columns[write - 1] == columns[read])
            {
                values[write - 1] = merge(values[write - 1], values[read]);
            }
            else
            {
                columns[write] = columns[read];
                values[write++] = values[read];
            }
        }

        return write - start;
    }
}
