namespace LatentWorkbench.Reduction.Umap;

/// <summary>
/// Stage 2 of UMAP: the fuzzy simplicial set, a symmetric weighted graph on the points (CSR, sorted columns).
/// </summary>
/// <remarks>
/// Directed memberships vᵢⱼ = exp(−max(0, dᵢⱼ − ρᵢ) / σᵢ) on the k-NN edges (<see cref="SmoothKnn"/>), then the fuzzy
/// union wᵢⱼ = vᵢⱼ + vⱼᵢ − vᵢⱼ·vⱼᵢ (umap-learn's set_op_mix_ratio = 1), so wᵢⱼ = wⱼᵢ ∈ (0, 1]. McInnes, Healy &amp;
/// Melville, arXiv:1802.03426, §3.
/// </remarks>
public sealed class FuzzySimplicialSet
{
    private FuzzySimplicialSet(int[] rowStart, int[] columns, double[] weights)
    {
        RowStart = rowStart;
        Columns = columns;
        Weights = weights;
    }

    /// <summary>N, the number of points.</summary>
    public int Count => RowStart.Length - 1;

    /// <summary>The number of stored directed edges (each undirected edge twice).</summary>
    public int EdgeCount => Columns.Length;

    internal int[] RowStart { get; }

    internal int[] Columns { get; }

    internal double[] Weights { get; }

    /// <summary>wᵢⱼ (0 where there is no edge).</summary>
    public double this[int i, int j]
    {
        get
        {
            int index = Array.BinarySearch(Columns, RowStart[i], RowStart[i + 1] - RowStart[i], j);
            return index >= 0 ? Weights[index] : 0;
        }
    }

    /// <summary>The neighbours of point <paramref name="i"/> in the graph, ascending.</summary>
    public ReadOnlySpan<int> NeighborsOf(int i) => Columns.AsSpan(RowStart[i], RowStart[i + 1] - RowStart[i]);

    /// <summary>The weights matching <see cref="NeighborsOf"/>.</summary>
    public ReadOnlySpan<double> WeightsOf(int i) => Weights.AsSpan(RowStart[i], RowStart[i + 1] - RowStart[i]);

    /// <summary>The graph of <paramref name="data"/>: k-NN search under <paramref name="metric"/> (k = neighbors − 1), then <see cref="FromNeighbors"/>.</summary>
    public static FuzzySimplicialSet Compute(Matrix data, int neighbors = 15, UmapMetric metric = UmapMetric.Euclidean, double localConnectivity = 1.0)
    {
        InputValidation.RequireFiniteMatrix(data, nameof(data), minRows: 2);
        if (neighbors < 2 || neighbors > data.Rows)
        {
            throw new ArgumentOutOfRangeException(nameof(neighbors), neighbors, $"neighbors must be between 2 and the number of rows ({data.Rows}).");
        }

        return FromNeighbors(UmapNeighbors.Search(data, neighbors - 1, metric), localConnectivity);
    }

    /// <summary>The graph from precomputed neighbours.</summary>
    public static FuzzySimplicialSet FromNeighbors(UmapNeighbors neighbors, double localConnectivity = 1.0)
    {
        ArgumentNullException.ThrowIfNull(neighbors);
        var (rho, sigma) = SmoothKnn.Calibrate(neighbors, localConnectivity);
        int n = neighbors.Rows, k = neighbors.K;

        // Bucket every directed edge into both its rows; the sign of the stored column marks the direction.
        var counts = new int[n];
        for (int i = 0; i < n; i++)
        {
            counts[i] += k;
            foreach (int j in neighbors.Indices(i))
            {
                counts[j]++;
            }
        }

        var start = new int[n + 1];
        for (int i = 0; i < n; i++)
        {
            start[i + 1] = start[i] + counts[i];
        }

        var columns = new int[start[n]];
        var values = new double[start[n]];
        var fill = start[..n];
        for (int i = 0; i < n; i++)
        {
            var indices = neighbors.Indices(i);
            var distances = neighbors.Distances(i);
            for (int t = 0; t < k; t++)
            {
                int j = indices[t];
                double v = SmoothKnn.Membership(distances[t], rho[i], sigma[i]);
                columns[fill[i]] = j;
                values[fill[i]++] = v;
                columns[fill[j]] = i;
                values[fill[j]++] = v;
            }
        }

        // Per row: sort by column; an edge seen in both directions merges as the fuzzy union v + u − v·u.
        var merged = new int[n];
        Parallel.For(0, n, i =>
        {
            int s = start[i], length = start[i + 1] - s;
            Array.Sort(columns, values, s, length);
            int write = s;
            for (int read = s; read < s + length; read++)
            {
                if (write > s && columns[write - 1] == columns[read])
                {
                    double u = values[write - 1], v = values[read];
                    values[write - 1] = u + v - (u * v);
                }
                else
                {
                    columns[write] = columns[read];
                    values[write++] = values[read];
                }
            }

            merged[i] = write - s;
        });

        var rowStart = new int[n + 1];
        for (int i = 0; i < n; i++)
        {
            rowStart[i + 1] = rowStart[i] + merged[i];
        }

        var finalColumns = new int[rowStart[n]];
        var finalWeights = new double[rowStart[n]];
        for (int i = 0; i < n; i++)
        {
            Array.Copy(columns, start[i], finalColumns, rowStart[i], merged[i]);
            Array.Copy(values, start[i], finalWeights, rowStart[i], merged[i]);
        }

        return new FuzzySimplicialSet(rowStart, finalColumns, finalWeights);
    }
}
