using LatentWorkbench.Compute;
using LatentWorkbench.Reduction.Neighbors;
using TorchSharp;

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
    public static FuzzySimplicialSet Compute(torch.Tensor data, int neighbors = 15, UmapMetric metric = UmapMetric.Euclidean, double localConnectivity = 1.0)
    {
        using var host = TensorSpans.OnHost(data, nameof(data));
        return Compute(Matrix.View(host, nameof(data)), neighbors, metric, localConnectivity);
    }

    /// <inheritdoc cref="Compute(torch.Tensor, int, UmapMetric, double)"/>
    internal static FuzzySimplicialSet Compute(Matrix data, int neighbors = 15, UmapMetric metric = UmapMetric.Euclidean, double localConnectivity = 1.0)
    {
        InputValidation.RequireFiniteMatrix(data, nameof(data), minRows: 2);
        if (neighbors < 2 || neighbors > data.Rows)
        {
            throw new ArgumentOutOfRangeException(nameof(neighbors), neighbors, $"neighbors must be between 2 and the number of rows ({data.Rows}).");
        }

        return FromNeighbors(UmapNeighbors.Search(data, neighbors - 1, metric), localConnectivity);
    }

    /// <summary>The graph from precomputed neighbours.</summary>
    public static FuzzySimplicialSet FromNeighbors(NeighborGraph neighbors, double localConnectivity = 1.0)
    {
        ArgumentNullException.ThrowIfNull(neighbors);
        var (rho, sigma) = SmoothKnn.Calibrate(neighbors, localConnectivity);
        int n = neighbors.Rows, k = neighbors.K;
        var memberships = new double[n * k];
        for (int i = 0; i < n; i++)
        {
            var distances = neighbors.Distances(i);
            for (int t = 0; t < k; t++)
            {
                memberships[(i * k) + t] = SmoothKnn.Membership(distances[t], rho[i], sigma[i]);
            }
        }

        // An edge seen in both directions merges as the fuzzy union v + u − v·u.
        var (rowStart, columns, weights) = SymmetricEdges.Build(n, k, neighbors.AllIndices, memberships, static (u, v) => u + v - (u * v));
        return new FuzzySimplicialSet(rowStart, columns, weights);
    }
}
