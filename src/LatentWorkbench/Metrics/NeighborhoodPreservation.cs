using LatentWorkbench.Compute;
using LatentWorkbench.Kernels;
using LatentWorkbench.Reduction;
using LatentWorkbench.Reduction.Neighbors;
using TorchSharp;

namespace LatentWorkbench.Metrics;

/// <summary>
/// Trustworthiness and continuity of an embedding (Venna &amp; Kaski 2001): how well k-neighbourhoods survive a projection.
/// </summary>
/// <remarks>
/// T(k) = 1 − 2 / (n·k·(2n − 3k − 1)) · Σᵢ Σ_{j ∈ Uᵢ} (r(i, j) − k), where Uᵢ holds the embedding's k nearest
/// neighbours of i that are not among its k nearest in the original space and r(i, j) is j's rank around i in the
/// original space (1 = nearest). Continuity C(k) swaps the roles of the two spaces. Both lie in [0, 1]; 1 means every
/// neighbourhood is kept. Matches <c>sklearn.manifold.trustworthiness</c> (Euclidean). Requires k &lt; n / 2.
/// Ranks come from GEMM distance rows, computed only for points whose neighbourhoods differ.
/// </remarks>
public static class NeighborhoodPreservation
{
    private const int Block = 64;

    /// <summary>T(k) of <paramref name="embedded"/> (N×2 say) against <paramref name="original"/> (N×D).</summary>
    public static double Trustworthiness(torch.Tensor original, torch.Tensor embedded, int k = 10)
    {
        using var originalHost = TensorSpans.OnHost(original, nameof(original));
        using var embeddedHost = TensorSpans.OnHost(embedded, nameof(embedded));
        return Trustworthiness(Matrix.View(originalHost, nameof(original)), Matrix.View(embeddedHost, nameof(embedded)), k);
    }

    /// <inheritdoc cref="Trustworthiness(torch.Tensor, torch.Tensor, int)"/>
    internal static double Trustworthiness(Matrix original, Matrix embedded, int k = 10) =>
        Both(original, embedded, k, continuity: false).Trustworthiness;

    /// <summary>C(k): trustworthiness with the spaces swapped (are original neighbours still near in the embedding?).</summary>
    public static double Continuity(torch.Tensor original, torch.Tensor embedded, int k = 10)
    {
        using var originalHost = TensorSpans.OnHost(original, nameof(original));
        using var embeddedHost = TensorSpans.OnHost(embedded, nameof(embedded));
        return Continuity(Matrix.View(originalHost, nameof(original)), Matrix.View(embeddedHost, nameof(embedded)), k);
    }

    /// <inheritdoc cref="Continuity(torch.Tensor, torch.Tensor, int)"/>
    internal static double Continuity(Matrix original, Matrix embedded, int k = 10) =>
        Both(original, embedded, k, trustworthiness: false).Continuity;

    /// <summary>
    /// T(k) and C(k) together from one exact k-NN search per space (what each computes alone twice); NaN for the one
    /// <paramref name="trustworthiness"/> or <paramref name="continuity"/> turns off.
    /// </summary>
    internal static (double Trustworthiness, double Continuity) Both(Matrix original, Matrix embedded, int k = 10, bool trustworthiness = true, bool continuity = true)
    {
        Validate(original, embedded, k);
        var originalNeighbors = ExactNeighbors.SearchCore(original, original, k, excludeSelf: true);
        var embeddedNeighbors = ExactNeighbors.SearchCore(embedded, embedded, k, excludeSelf: true);
        double normalizer = Normalizer(original.Rows, k);
        return (
            trustworthiness ? 1 - normalizer * RankPenalty(original, originalNeighbors, embeddedNeighbors, k) : double.NaN,
            continuity ? 1 - normalizer * RankPenalty(embedded, embeddedNeighbors, originalNeighbors, k) : double.NaN);
    }

    private static double Normalizer(int n, int k) => 2.0 / (n * (double)k * ((2.0 * n) - (3.0 * k) - 1));

    private static void Validate(Matrix original, Matrix embedded, int k)
    {
        InputValidation.RequireFiniteMatrix(original, nameof(original));
        InputValidation.RequireFiniteMatrix(embedded, nameof(embedded));
        if (embedded.Rows != original.Rows)
        {
            throw new ArgumentException($"embedded has {embedded.Rows} rows; expected one per row of original ({original.Rows}).", nameof(embedded));
        }

        if (k < 1 || k >= original.Rows / 2.0)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be between 1 and below rows / 2 = {original.Rows / 2.0}.");
        }
    }

    /// <summary>Σᵢ Σ_{j ∈ candidates(i) \ rankNeighbors(i)} (rank of j around i in <paramref name="rankSpace"/> − k).</summary>
    private static double RankPenalty(Matrix rankSpace, NeighborGraph rankNeighbors, NeighborGraph candidates, int k)
    {
        int n = rankSpace.Rows, d = rankSpace.Cols;
        float[] norms = DistanceKernels.SquaredNorms(rankSpace.Values, n, d);
        int blocks = (n + Block - 1) / Block;
        var blockPenalty = new double[blocks];
        Parallel.For(0, blocks, () => new float[Block * n], (block, _, tile) =>
        {
            int q0 = block * Block, qn = Math.Min(Block, n - q0);
            bool tileReady = false;
            double penalty = 0;
            Span<int> missing = stackalloc int[k];
            for (int i = 0; i < qn; i++)
            {
                int row = q0 + i, missingCount = 0;
                var kept = rankNeighbors.Indices(row);
                foreach (int j in candidates.Indices(row))
                {
                    if (!kept.Contains(j))
                    {
                        missing[missingCount++] = j;
                    }
                }

                if (missingCount == 0)
                {
                    continue;
                }

                if (!tileReady)
                {
                    DistanceKernels.SquaredDistanceTile(rankSpace.Values, norms, q0, qn, rankSpace.Values, norms, 0, n, d, tile.AsSpan(0, qn * n));
                    tileReady = true;
                }

                var distances = tile.AsSpan(i * n, n);
                for (int t = 0; t < missingCount; t++)
                {
                    int target = missing[t];
                    float threshold = distances[target];
                    int rank = 1;
                    for (int l = 0; l < n; l++)
                    {
                        if (l != row && (distances[l] < threshold || (distances[l] == threshold && l < target)))
                        {
                            rank++;
                        }
                    }

                    penalty += rank - k;
                }
            }

            blockPenalty[block] = penalty;
            return tile;
        }, _ => { });
        return blockPenalty.Sum();
    }
}
