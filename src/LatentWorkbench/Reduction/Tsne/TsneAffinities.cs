using LatentWorkbench.Compute;
using LatentWorkbench.Reduction.Neighbors;
using TorchSharp;

namespace LatentWorkbench.Reduction.Tsne;

/// <summary>
/// Stage 1 of t-SNE: the symmetric input affinities P (sparse, on the 3·perplexity nearest neighbours).
/// </summary>
/// <remarks>
/// For each point i a precision βᵢ is found by bisection so that the conditional distribution
/// p_{j|i} = exp(−βᵢ‖xᵢ − xⱼ‖²) / Σₖ exp(−βᵢ‖xᵢ − xₖ‖²) over its k = min(N − 1, ⌊3·perplexity⌋ + 1) nearest
/// neighbours has entropy log(perplexity) (natural log, tolerance 1e-5, at most 100 steps, as scikit-learn).
/// Then P = (P_cond + P_condᵀ) / Σ, so Σ_{ij} p_ij = 1 and p_ij = p_ji. Stored as CSR (row i: columns and values).
/// van der Maaten &amp; Hinton, JMLR 9 (2008); van der Maaten, JMLR 15 (2014) for the sparse kNN form.
/// </remarks>
public sealed class TsneAffinities
{
    private const double EntropyTolerance = 1e-5;
    private const int MaxBisectionSteps = 100;

    internal TsneAffinities(int[] rowStart, int[] columns, double[] values, double perplexity)
    {
        RowStart = rowStart;
        Columns = columns;
        Values = values;
        Perplexity = perplexity;
    }

    /// <summary>N, the number of points.</summary>
    public int Count => RowStart.Length - 1;

    /// <summary>The number of stored non-zero p_ij.</summary>
    public int NonZeros => Columns.Length;

    /// <summary>The perplexity the affinities were calibrated to.</summary>
    public double Perplexity { get; }

    internal int[] RowStart { get; }

    internal int[] Columns { get; }

    internal double[] Values { get; }

    /// <summary>p_ij (0 where not stored).</summary>
    public double this[int i, int j]
    {
        get
        {
            int index = Array.BinarySearch(Columns, RowStart[i], RowStart[i + 1] - RowStart[i], j);
            return index >= 0 ? Values[index] : 0;
        }
    }

    /// <summary>Computes P for <paramref name="data"/> (float32 N×D points) at the given perplexity.</summary>
    /// <exception cref="ArgumentException">Data non-finite or too small, or perplexity not in (0, N − 1).</exception>
    public static TsneAffinities Compute(torch.Tensor data, double perplexity)
    {
        using var host = TensorSpans.OnHost(data, nameof(data));
        return Compute(Matrix.View(host, nameof(data)), perplexity);
    }

    /// <inheritdoc cref="Compute(torch.Tensor, double)"/>
    internal static TsneAffinities Compute(Matrix data, double perplexity)
    {
        InputValidation.RequireFiniteMatrix(data, nameof(data), minRows: 2);
        if (!(perplexity > 0) || perplexity >= data.Rows - 1)
        {
            throw new ArgumentOutOfRangeException(nameof(perplexity), perplexity, $"perplexity must be in (0, rows − 1 = {data.Rows - 1}).");
        }

        int k = (int)Math.Min(data.Rows - 1, Math.Floor((3 * perplexity) + 1));
        var graph = ExactNeighbors.SearchCore(data, data, k, excludeSelf: true);
        return FromNeighbors(graph, perplexity);
    }

    /// <summary>P from a precomputed neighbour graph (squared distances).</summary>
    internal static TsneAffinities FromNeighbors(NeighborGraph graph, double perplexity)
    {
        if (graph.Distance != NeighborDistance.SquaredEuclidean)
        {
            throw new ArgumentException($"t-SNE's affinities need squared Euclidean distances; the graph holds {graph.Distance} distances.", nameof(graph));
        }

        int n = graph.Rows, k = graph.K;
        var conditional = new double[n * k];
        Parallel.For(0, n, i => CalibrateRow(graph.Distances(i), perplexity, conditional.AsSpan(i * k, k)));
        return Symmetrize(graph, conditional, perplexity);
    }

    /// <summary>Bisection on β so that the row's entropy is log(perplexity); writes p_{j|i}.</summary>
    internal static double CalibrateRow(ReadOnlySpan<double> squaredDistances, double perplexity, Span<double> probabilities)
    {
        double target = Math.Log(perplexity), beta = 1, betaMin = double.NegativeInfinity, betaMax = double.PositiveInfinity;
        // Shifting by the nearest distance leaves p unchanged and keeps exp() from underflowing for large distances.
        double shift = squaredDistances[0];
        for (int step = 0; step < MaxBisectionSteps; step++)
        {
            double sum = 0, weighted = 0;
            for (int j = 0; j < squaredDistances.Length; j++)
            {
                double p = Math.Exp(-(squaredDistances[j] - shift) * beta);
                probabilities[j] = p;
                sum += p;
                weighted += (squaredDistances[j] - shift) * p;
            }

            double entropy = Math.Log(sum) + (beta * weighted / sum);
            for (int j = 0; j < probabilities.Length; j++)
            {
                probabilities[j] /= sum;
            }

            double difference = entropy - target;
            if (Math.Abs(difference) <= EntropyTolerance)
            {
                break;
            }

            if (difference > 0)
            {
                betaMin = beta;
                beta = double.IsPositiveInfinity(betaMax) ? beta * 2 : (beta + betaMax) / 2;
            }
            else
            {
                betaMax = beta;
                beta = double.IsNegativeInfinity(betaMin) ? beta / 2 : (beta + betaMin) / 2;
            }
        }

        return beta;
    }

    /// <summary>P = (C + Cᵀ) / sum(C + Cᵀ) in CSR with sorted columns.</summary>
    private static TsneAffinities Symmetrize(NeighborGraph graph, double[] conditional, double perplexity)
    {
        var (rowStart, columns, values) = SymmetricEdges.Build(graph.Rows, graph.K, graph.AllIndices, conditional, static (a, b) => a + b);
        double total = 0;
        foreach (double v in values)
        {
            total += v;
        }

        for (int t = 0; t < values.Length; t++)
        {
            values[t] /= total;
        }

        return new TsneAffinities(rowStart, columns, values, perplexity);
    }
}
