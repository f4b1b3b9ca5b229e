using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace LatentWorkbench.Kernels;

/// <summary>
/// Single-precision general matrix multiply, the one entry point every dense product in the
/// library goes through (layers, distances, PCA): C = alpha · op(A) · op(B) + beta · C, row-major.
/// </summary>
/// <remarks>
/// <para>
/// op(X) is X or Xᵀ. Shapes: op(A) is m×k, op(B) is k×n, C is m×n; lda/ldb/ldc are row strides of the
/// stored matrices (A is stored m×k, or k×m when transposed; B is stored k×n, or n×k when transposed).
/// BLAS semantics: beta = 0 overwrites C without reading it (NaN in C does not propagate); alpha = 0 or
/// k = 0 only scales C by beta and reads neither A nor B.
/// </para>
/// <para>
/// Implementation (docs/kernels.md): Goto/BLIS cache blocking with packed, aligned panels
/// (<see cref="GemmPacking"/>, <see cref="GemmDriver"/>) around a register-blocked FMA micro-kernel
/// (<see cref="GemmMicroKernels"/>): 12×32 with Vector512 where AVX-512 is accelerated, 6×16 with Vector256
/// and FMA otherwise, 8×12 with Vector128 and FMA on ARM64, 4×4 scalar as the fallback. Work is split over up to
/// <see cref="ParallelKernel.MaxDegreeOfParallelism"/> threads by a shape-dependent grid of C regions.
/// </para>
/// <para>
/// Determinism: every output element is accumulated in the same fixed order (depth blocks chosen from k
/// alone, increasing p within a block, one FMA per product) by exactly one thread, so results are bitwise
/// identical across runs and thread counts on a given instruction set.
/// </para>
/// </remarks>
internal static class Gemm
{
    /// <summary>C = alpha · op(A) · op(B) + beta · C.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is negative or a leading dimension is smaller than its row length.</exception>
    /// <exception cref="ArgumentException">A span is too short for its dimensions and leading dimension.</exception>
    public static void Sgemm(
        bool transA, bool transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb,
        float beta, Span<float> c, int ldc) =>
        Sgemm(GemmPath.Auto, ParallelKernel.MaxDegreeOfParallelism, transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);

    /// <summary>
    /// <see cref="Sgemm(bool, bool, int, int, int, float, ReadOnlySpan{float}, int, ReadOnlySpan{float}, int, float, Span{float}, int)"/>
    /// with an explicit kernel path and thread cap (tests and benchmarks compare them).
    /// </summary>
    internal static unsafe void Sgemm(
        GemmPath path, int maxThreads, bool transA, bool transB, int m, int n, int k, float alpha,
        ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb,
        float beta, Span<float> c, int ldc)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxThreads, 1);
        CheckOperand(a, transA ? k : m, transA ? m : k, lda, nameof(a), nameof(lda));
        CheckOperand(b, transB ? n : k, transB ? k : n, ldb, nameof(b), nameof(ldb));
        CheckOperand(c, m, n, ldc, nameof(c), nameof(ldc));
        if (m == 0 || n == 0)
        {
            return;
        }

        if (k == 0 || alpha == 0f)
        {
            ScaleC(c, m, n, ldc, beta);
            return;
        }

        fixed (float* pa = a)
        fixed (float* pb = b)
        fixed (float* pc = c)
        {
            var problem = new GemmProblem(transA, transB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
            switch (Resolve(path))
            {
                case GemmPath.Vector512:
                    GemmDriver.Run<GemmMicroKernels.Avx512Kernel>(problem, maxThreads);
                    break;
                case GemmPath.Vector256:
                    GemmDriver.Run<GemmMicroKernels.Avx2Kernel>(problem, maxThreads);
                    break;
                case GemmPath.Vector128:
                    GemmDriver.Run<GemmMicroKernels.Neon128Kernel>(problem, maxThreads);
                    break;
                default:
                    GemmDriver.Run<GemmMicroKernels.ScalarKernel>(problem, maxThreads);
                    break;
            }
        }
    }

    /// <summary>The kernel path <see cref="GemmPath.Auto"/> picks on this machine.</summary>
    internal static GemmPath BestPath =>
        Vector512.IsHardwareAccelerated && Avx512F.IsSupported ? GemmPath.Vector512
        : Vector256.IsHardwareAccelerated && Fma.IsSupported ? GemmPath.Vector256
        : HasVector128Fma ? GemmPath.Vector128
        : GemmPath.Scalar;

    /// <summary>128-bit vectors with a hardware FMA (an emulated FMA would be slower than the scalar kernel).</summary>
    private static bool HasVector128Fma => Vector128.IsHardwareAccelerated && (AdvSimd.Arm64.IsSupported || Fma.IsSupported);

    /// <summary>Whether <paramref name="path"/> can run here (a forced path the hardware lacks would be emulated slowly).</summary>
    internal static bool IsSupported(GemmPath path) => path switch
    {
        GemmPath.Auto or GemmPath.Scalar => true,
        GemmPath.Vector128 => HasVector128Fma,
        GemmPath.Vector256 => Vector256.IsHardwareAccelerated && Fma.IsSupported,
        GemmPath.Vector512 => BestPath == GemmPath.Vector512,
        _ => false,
    };

    private static GemmPath Resolve(GemmPath path) =>
        path == GemmPath.Auto ? BestPath
        : IsSupported(path) ? path
        : throw new ArgumentException($"GEMM path {path} is not supported on this CPU (best available: {BestPath}).", nameof(path));

    /// <summary>C = beta·C over the m×n view (beta = 0 writes zeros without reading C).</summary>
    private static void ScaleC(Span<float> c, int m, int n, int ldc, float beta)
    {
        if (beta == 1f)
        {
            return;
        }

        for (int i = 0; i < m; i++)
        {
            var row = c.Slice(i * ldc, n);
            if (beta == 0f)
            {
                row.Clear();
            }
            else
            {
                for (int j = 0; j < row.Length; j++)
                {
                    row[j] *= beta;
                }
            }
        }
    }

    /// <summary>Checks that a rows×cols row-major matrix with row stride <paramref name="ld"/> fits in <paramref name="data"/>.</summary>
    private static void CheckOperand(ReadOnlySpan<float> data, int rows, int cols, int ld, string dataName, string ldName)
    {
        if (ld < cols || ld < 0)
        {
            throw new ArgumentOutOfRangeException(ldName, ld, $"{ldName} must be at least the row length of the stored {dataName} ({cols}).");
        }

        if (rows == 0 || cols == 0)
        {
            return;
        }

        long needed = ((long)(rows - 1) * ld) + cols;
        if (data.Length < needed)
        {
            throw new ArgumentException(
                $"{dataName} has {data.Length} elements but a {rows}×{cols} matrix with row stride {ld} needs at least {needed}.", dataName);
        }
    }
}
