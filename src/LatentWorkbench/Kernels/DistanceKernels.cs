using System.Numerics.Tensors;

namespace LatentWorkbench.Kernels;

/// <summary>
/// Blocked squared Euclidean distances through <see cref="Gemm"/>: ‖q − r‖² = ‖q‖² + ‖r‖² − 2 q·r.
/// </summary>
/// <remarks>
/// One tile is rows [q0, q0+qn) of Q against rows [r0, r0+rn) of R (both row-major, d columns): the
/// cross term is one GEMM (−2·Q·Rᵀ), then the norms are added and negatives from round-off clamped to 0.
/// Float32 cancellation makes the error about eps·(‖q‖² + ‖r‖²); callers that need exact values recompute
/// the few distances they keep with <see cref="SquaredDistance"/>.
/// </remarks>
internal static class DistanceKernels
{
    /// <summary>‖row‖² for every row of an n×d array, accumulated in float64 then rounded.</summary>
    public static float[] SquaredNorms(ReadOnlySpan<float> data, int n, int d)
    {
        var norms = new float[n];
        for (int i = 0; i < n; i++)
        {
            var row = data.Slice(i * d, d);
            double sum = 0;
            foreach (float v in row)
            {
                sum += (double)v * v;
            }

            norms[i] = (float)sum;
        }

        return norms;
    }

    /// <summary>tile[i, j] = ‖q_i − r_j‖² for the given row ranges; tile is qn×rn with row stride rn.</summary>
    public static void SquaredDistanceTile(
        ReadOnlySpan<float> queries, ReadOnlySpan<float> queryNorms, int q0, int qn,
        ReadOnlySpan<float> references, ReadOnlySpan<float> referenceNorms, int r0, int rn,
        int d, Span<float> tile)
    {
        Gemm.Sgemm(false, true, qn, rn, d, -2f, queries.Slice(q0 * d, qn * d), d, references.Slice(r0 * d, rn * d), d, 0f, tile, rn);
        var rNorms = referenceNorms.Slice(r0, rn);
        for (int i = 0; i < qn; i++)
        {
            var row = tile.Slice(i * rn, rn);
            TensorPrimitives.Add(row, rNorms, row);
            TensorPrimitives.Add(row, queryNorms[q0 + i], row);
            TensorPrimitives.Max(row, 0f, row);
        }
    }

    /// <summary>‖a − b‖² summed in float64 (exact to float64 round-off).</summary>
    public static double SquaredDistance(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double diff = (double)a[i] - b[i];
            sum += diff * diff;
        }

        return sum;
    }
}
