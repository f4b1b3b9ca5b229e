using LatentWorkbench.Compute;
using LatentWorkbench.Kernels;
using TorchSharp;

namespace LatentWorkbench.Reduction.Neighbors;

/// <summary>
/// Exact k-nearest-neighbour search (squared Euclidean) by blocked GEMM distances, parallel over query blocks.
/// </summary>
/// <remarks>
/// Queries are cut into blocks of <see cref="QueryBlock"/> rows and references into tiles of
/// <see cref="ReferenceTile"/> rows; each tile of distances is one GEMM (see <see cref="DistanceKernels"/>) and
/// each query row keeps a sorted list of its k best (distance, index) pairs. Blocks are independent and write
/// only their own rows, so results do not depend on scheduling. The kept distances are then recomputed exactly
/// in float64 and re-sorted, so float32 cancellation in the GEMM affects only near-ties at the k-th place.
/// Cost O(N·M·D) for N queries against M references.
/// </remarks>
public static class ExactNeighbors
{
    private const int QueryBlock = 64;
    private const int ReferenceTile = 4096;

    /// <summary>The <paramref name="k"/> nearest other rows of each row of <paramref name="data"/> (float32 N×D; a row is not its own neighbour).</summary>
    public static NeighborGraph Search(torch.Tensor data, int k)
    {
        using var host = TensorSpans.OnHost(data, nameof(data));
        return Search(Matrix.View(host, nameof(data)), k);
    }

    /// <summary>The <paramref name="k"/> nearest rows of <paramref name="references"/> (M×D) to each row of <paramref name="queries"/> (N×D).</summary>
    public static NeighborGraph Search(torch.Tensor references, torch.Tensor queries, int k)
    {
        using var referencesHost = TensorSpans.OnHost(references, nameof(references));
        using var queriesHost = TensorSpans.OnHost(queries, nameof(queries));
        return Search(Matrix.View(referencesHost, nameof(references)), Matrix.View(queriesHost, nameof(queries)), k);
    }

    /// <inheritdoc cref="Search(torch.Tensor, int)"/>
    internal static NeighborGraph Search(Matrix data, int k)
    {
        InputValidation.RequireFiniteMatrix(data, nameof(data));
        if (k < 1 || k >= data.Rows)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be between 1 and rows − 1 = {data.Rows - 1}.");
        }

        return SearchCore(data, data, k, excludeSelf: true);
    }

    /// <inheritdoc cref="Search(torch.Tensor, torch.Tensor, int)"/>
    internal static NeighborGraph Search(Matrix references, Matrix queries, int k)
    {
        InputValidation.RequireFiniteMatrix(references, nameof(references));
        InputValidation.RequireFiniteMatrix(queries, nameof(queries));
        InputValidation.RequireColumns(queries, references.Cols, nameof(queries));
        if (k < 1 || k > references.Rows)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be between 1 and the number of references ({references.Rows}).");
        }

        return SearchCore(references, queries, k, excludeSelf: false);
    }

    internal static NeighborGraph SearchCore(Matrix references, Matrix queries, int k, bool excludeSelf)
    {
        int n = queries.Rows, m = references.Rows, d = references.Cols;
        float[] queryNorms = DistanceKernels.SquaredNorms(queries.Values, n, d);
        float[] referenceNorms = ReferenceEquals(references, queries) ? queryNorms : DistanceKernels.SquaredNorms(references.Values, m, d);
        var indices = new int[n * k];
        var distances = new double[n * k];
        int blocks = (n + QueryBlock - 1) / QueryBlock;
        Parallel.For(0, blocks, () => new BlockScratch(k), (block, _, scratch) =>
        {
            int q0 = block * QueryBlock, qn = Math.Min(QueryBlock, n - q0);
            scratch.Reset(qn);
            for (int r0 = 0; r0 < m; r0 += ReferenceTile)
            {
                int rn = Math.Min(ReferenceTile, m - r0);
                var tile = scratch.Tile.AsSpan(0, qn * rn);
                DistanceKernels.SquaredDistanceTile(queries.Values, queryNorms, q0, qn, references.Values, referenceNorms, r0, rn, d, tile);
                for (int i = 0; i < qn; i++)
                {
                    scratch.Offer(i, tile.Slice(i * rn, rn), r0, excludeSelf ? q0 + i : -1);
                }
            }

            for (int i = 0; i < qn; i++)
            {
                scratch.WriteExact(i, queries.Row(q0 + i), references, indices.AsSpan((q0 + i) * k, k), distances.AsSpan((q0 + i) * k, k));
            }

            return scratch;
        }, _ => { });
        return new NeighborGraph(indices, distances, n, k, NeighborDistance.SquaredEuclidean);
    }

    /// <summary>Per-thread buffers: one distance tile and the running k best of each query row in the block.</summary>
    private sealed class BlockScratch(int k)
    {
        public float[] Tile { get; } = new float[QueryBlock * ReferenceTile];

        private readonly float[] _best = new float[QueryBlock * k];
        private readonly int[] _bestIndex = new int[QueryBlock * k];
        private readonly int[] _count = new int[QueryBlock];

        public void Reset(int rows) => Array.Clear(_count, 0, rows);

        /// <summary>Inserts the candidates of one tile row that beat the current k-th best (sorted insertion, ties keep the smaller index).</summary>
        public void Offer(int row, ReadOnlySpan<float> candidates, int offset, int self)
        {
            var best = _best.AsSpan(row * k, k);
            var bestIndex = _bestIndex.AsSpan(row * k, k);
            int count = _count[row];
            float worst = count == k ? best[k - 1] : float.PositiveInfinity;
            for (int j = 0; j < candidates.Length; j++)
            {
                float value = candidates[j];
                if (value >= worst || offset + j == self)
                {
                    continue;
                }

                int position = count < k ? count++ : k - 1;
                while (position > 0 && best[position - 1] > value)
                {
                    best[position] = best[position - 1];
                    bestIndex[position] = bestIndex[position - 1];
                    position--;
                }

                best[position] = value;
                bestIndex[position] = offset + j;
                if (count == k)
                {
                    worst = best[k - 1];
                }
            }

            _count[row] = count;
        }

        /// <summary>Recomputes the kept distances in float64 and sorts by (distance, index).</summary>
        public void WriteExact(int row, ReadOnlySpan<float> query, Matrix references, Span<int> indices, Span<double> distances)
        {
            var bestIndex = _bestIndex.AsSpan(row * k, k);
            for (int j = 0; j < k; j++)
            {
                indices[j] = bestIndex[j];
                distances[j] = DistanceKernels.SquaredDistance(query, references.Row(bestIndex[j]));
            }

            // Insertion sort: the list is almost sorted already.
            for (int j = 1; j < k; j++)
            {
                double value = distances[j];
                int index = indices[j], position = j;
                while (position > 0 && (distances[position - 1] > value || (distances[position - 1] == value && indices[position - 1] > index)))
                {
                    distances[position] = distances[position - 1];
                    indices[position] = indices[position - 1];
                    position--;
                }

                distances[position] = value;
                indices[position] = index;
            }
        }
    }
}
