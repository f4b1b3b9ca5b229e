using System.Numerics.Tensors;

namespace LatentWorkbench.Kernels;

/// <summary>
/// Single-precision general matrix multiply, the one entry point every dense product in the
/// library goes through (layers, distances, PCA): C = alpha · op(A) · op(B) + beta · C, row-major.
/// </summary>
/// <remarks>
/// op(X) is X or Xᵀ. Shapes: op(A) is m×k, op(B) is k×n, C is m×n; lda/ldb/ldc are row strides.
/// Results must not depend on thread scheduling: every output element is summed in a fixed order.
/// This is the seam a faster CPU kernel (or another backend) plugs into.
/// </remarks>
internal static class Gemm
{
    /// <summary>C = alpha · op(A) · op(B) + beta · C.</summary>
    public static unsafe void Sgemm(
        bool transA, bool transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb,
        float beta, Span<float> c, int ldc)
    {
        if (m == 0 || n == 0)
        {
            return;
        }

        // Reference implementation: row-parallel rank-1 updates, B read row-major (transposed once if needed).
        float[]? bTransposed = null;
        if (transB)
        {
            bTransposed = new float[k * n];
            for (int p = 0; p < k; p++)
            {
                for (int j = 0; j < n; j++)
                {
                    bTransposed[(p * n) + j] = b[(j * ldb) + p];
                }
            }

            ldb = n;
        }

        fixed (float* pa = a)
        fixed (float* pb0 = b)
        fixed (float* pbt = bTransposed)
        fixed (float* pc = c)
        {
            float* pbUse = transB ? pbt : pb0;
            nint aPtr = (nint)pa, bPtr = (nint)pbUse, cPtr = (nint)pc;
            int ldbUse = ldb;
            Parallel.For(0, m, i =>
            {
                var row = new Span<float>((float*)cPtr + ((long)i * ldc), n);
                if (beta == 0f)
                {
                    row.Clear();
                }
                else if (beta != 1f)
                {
                    TensorPrimitives.Multiply(row, beta, row);
                }

                for (int p = 0; p < k; p++)
                {
                    float av = transA ? ((float*)aPtr)[((long)p * lda) + i] : ((float*)aPtr)[((long)i * lda) + p];
                    if (av == 0f)
                    {
                        continue;
                    }

                    var bRow = new ReadOnlySpan<float>((float*)bPtr + ((long)p * ldbUse), n);
                    TensorPrimitives.MultiplyAdd(bRow, alpha * av, row, row);
                }
            });
        }
    }
}
