using System.Buffers;

namespace LatentWorkbench.Kernels;

/// <summary>
/// The single seam between the tensor engine and the hardware: every op in Ops/ computes through the
/// static methods of this class (span in, span out; no Tensor, no autograd). A GPU backend would
/// replace this facade; dense products are forwarded to <c>Gemm.Sgemm</c>.
/// </summary>
/// <remarks>
/// Kernels are single-threaded and sum in a fixed order, so results never depend on scheduling; only
/// GEMM uses several threads (with fixed partitioning). Partial files group the kernels by family.
/// </remarks>
internal static partial class TensorKernels
{
    /// <summary>C = alpha · op(A) · op(B) + beta · C (row-major); see <c>Gemm.Sgemm</c>.</summary>
    public static void MatMul(
        bool transA, bool transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb,
        float beta, Span<float> c, int ldc) =>
        Gemm.Sgemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);

    /// <summary>A scratch buffer for the duration of one kernel call (return it with <see cref="ReturnScratch"/>).</summary>
    public static float[] RentScratch(int length) => ArrayPool<float>.Shared.Rent(Math.Max(length, 1));

    /// <summary>Gives back a buffer from <see cref="RentScratch"/>.</summary>
    public static void ReturnScratch(float[] buffer) => ArrayPool<float>.Shared.Return(buffer);

    /// <summary>Σ values in double, in fixed chunks (vectorized inside each chunk) so long sums keep precision.</summary>
    public static double SumPrecise(ReadOnlySpan<float> values)
    {
        const int chunk = 4096;
        double total = 0;
        for (int start = 0; start < values.Length; start += chunk)
        {
            total += System.Numerics.Tensors.TensorPrimitives.Sum(values.Slice(start, Math.Min(chunk, values.Length - start)));
        }

        return total;
    }
}
