using LatentWorkbench.Compute;
using LatentWorkbench.Kernels;
using LatentWorkbench.Reduction;
using TorchSharp;

namespace LatentWorkbench.Metrics;

/// <summary>The silhouette score of a labelling (Rousseeuw 1987): how much closer points are to their own cluster than to the next.</summary>
/// <remarks>
/// For point i with a(i) the mean Euclidean distance to the other members of its cluster and b(i) the smallest mean
/// distance to the members of another cluster, s(i) = (b − a) / max(a, b), and s(i) = 0 when i is alone in its cluster.
/// The score is the mean of s(i) over all points, in [−1, 1] (as <c>sklearn.metrics.silhouette_score</c>). Distances come
/// from blocked GEMM tiles; per-cluster sums are float64. O(N²·D).
/// </remarks>
public static class Silhouette
{
    private const int Block = 64;

    /// <summary>Mean silhouette of <paramref name="data"/> (N×D) under <paramref name="labels"/> (N entries, at least 2 distinct).</summary>
    public static double Score(torch.Tensor data, torch.Tensor labels)
    {
        using var host = TensorSpans.OnHost(data, nameof(data));
        var points = Matrix.View(host, nameof(data));
        return Score(points, InputValidation.Labels(labels, points.Rows, nameof(labels)));
    }

    /// <inheritdoc cref="Score(torch.Tensor, torch.Tensor)"/>
    internal static double Score(Matrix data, ReadOnlySpan<int> labels)
    {
        InputValidation.RequireFiniteMatrix(data, nameof(data));
        InputValidation.RequireLabels(labels, data.Rows, nameof(labels));
        var labelArray = labels.ToArray();
        if (labelArray.Min() < 0)
        {
            throw new ArgumentException("labels must be ≥ 0.", nameof(labels));
        }

        int classes = labelArray.Max() + 1;
        var sizes = new int[classes];
        foreach (int label in labelArray)
        {
            sizes[label]++;
        }

        int distinct = sizes.Count(s => s > 0);
        if (distinct < 2 || distinct >= data.Rows)
        {
            throw new ArgumentException($"labels has {distinct} distinct values; expected between 2 and rows − 1 = {data.Rows - 1}.", nameof(labels));
        }

        int n = data.Rows, d = data.Cols;
        float[] norms = DistanceKernels.SquaredNorms(data.Values, n, d);
        int blocks = (n + Block - 1) / Block;
        var blockSums = new double[blocks];
        Parallel.For(0, blocks, () => (Tile: new float[Block * n], Sums: new double[classes]), (block, _, scratch) =>
        {
            int q0 = block * Block, qn = Math.Min(Block, n - q0);
            var tile = scratch.Tile.AsSpan(0, qn * n);
            DistanceKernels.SquaredDistanceTile(data.Values, norms, q0, qn, data.Values, norms, 0, n, d, tile);
            double total = 0;
            for (int i = 0; i < qn; i++)
            {
                int row = q0 + i, own = labelArray[row];
                Array.Clear(scratch.Sums);
                var distances = tile.Slice(i * n, n);
                for (int j = 0; j < n; j++)
                {
                    if (j != row)
                    {
                        scratch.Sums[labelArray[j]] += Math.Sqrt(distances[j]);
                    }
                }

                if (sizes[own] == 1)
                {
                    continue;
                }

                double a = scratch.Sums[own] / (sizes[own] - 1), b = double.PositiveInfinity;
                for (int c = 0; c < classes; c++)
                {
                    if (c != own && sizes[c] > 0)
                    {
                        b = Math.Min(b, scratch.Sums[c] / sizes[c]);
                    }
                }

                total += (b - a) / Math.Max(a, b);
            }

            blockSums[block] = total;
            return scratch;
        }, _ => { });
        return blockSums.Sum() / n;
    }

    /// <inheritdoc cref="Score(torch.Tensor, torch.Tensor)"/>
    internal static double Score(Matrix data, ReadOnlySpan<byte> labels)
    {
        var converted = new int[labels.Length];
        for (int i = 0; i < labels.Length; i++)
        {
            converted[i] = labels[i];
        }

        return Score(data, converted);
    }
}
