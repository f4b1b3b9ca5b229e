using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace LatentWorkbench.Kernels;

/// <summary>
/// The micro-kernels <see cref="Gemm"/> dispatches to (generated-style unrolled code: one statement per lane
/// block so the JIT keeps every accumulator in a register). Lane layout: lane l of accumulator c{r}_{v} holds
/// C[r, v·W + l] where W is the vector width; each step p broadcasts a[r] and multiplies the B row vectors.
/// </summary>
internal static partial class GemmMicroKernels
{
    /// <summary>12×32 tile with Vector512: 24 accumulators of 16 lanes (rows 0..11 × two 16-column halves) + 2 B vectors + 1 broadcast fit the 32 zmm registers.</summary>
    internal readonly struct Avx512Kernel : IGemmMicroKernel
    {
        /// <inheritdoc/>
        public static int Mr => 12;

        /// <inheritdoc/>
        public static int Nr => 32;

        /// <inheritdoc/>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static unsafe void Run(int kc, float* a, float* b, float* c, nint ldc, float alpha, float beta, bool readC)
        {
            var c0_0 = Vector512<float>.Zero; var c0_1 = Vector512<float>.Zero;
            var c1_0 = Vector512<float>.Zero; var c1_1 = Vector512<float>.Zero;
            var c2_0 = Vector512<float>.Zero; var c2_1 = Vector512<float>.Zero;
            var c3_0 = Vector512<float>.Zero; var c3_1 = Vector512<float>.Zero;
            var c4_0 = Vector512<float>.Zero; var c4_1 = Vector512<float>.Zero;
            var c5_0 = Vector512<float>.Zero; var c5_1 = Vector512<float>.Zero;
            var c6_0 = Vector512<float>.Zero; var c6_1 = Vector512<float>.Zero;
            var c7_0 = Vector512<float>.Zero; var c7_1 = Vector512<float>.Zero;
            var c8_0 = Vector512<float>.Zero; var c8_1 = Vector512<float>.Zero;
            var c9_0 = Vector512<float>.Zero; var c9_1 = Vector512<float>.Zero;
            var c10_0 = Vector512<float>.Zero; var c10_1 = Vector512<float>.Zero;
            var c11_0 = Vector512<float>.Zero; var c11_1 = Vector512<float>.Zero;
            for (int p = 0; p < kc; p++)
            {
                var b0 = Vector512.LoadAligned(b); var b1 = Vector512.LoadAligned(b + 16);
                var a0 = Vector512.Create(a[0]); c0_0 = Vector512.FusedMultiplyAdd(a0, b0, c0_0); c0_1 = Vector512.FusedMultiplyAdd(a0, b1, c0_1);
                var a1 = Vector512.Create(a[1]); c1_0 = Vector512.FusedMultiplyAdd(a1, b0, c1_0); c1_1 = Vector512.FusedMultiplyAdd(a1, b1, c1_1);
                var a2 = Vector512.Create(a[2]); c2_0 = Vector512.FusedMultiplyAdd(a2, b0, c2_0); c2_1 = Vector512.FusedMultiplyAdd(a2, b1, c2_1);
                var a3 = Vector512.Create(a[3]); c3_0 = Vector512.FusedMultiplyAdd(a3, b0, c3_0); c3_1 = Vector512.FusedMultiplyAdd(a3, b1, c3_1);
                var a4 = Vector512.Create(a[4]); c4_0 = Vector512.FusedMultiplyAdd(a4, b0, c4_0); c4_1 = Vector512.FusedMultiplyAdd(a4, b1, c4_1);
                var a5 = Vector512.Create(a[5]); c5_0 = Vector512.FusedMultiplyAdd(a5, b0, c5_0); c5_1 = Vector512.FusedMultiplyAdd(a5, b1, c5_1);
                var a6 = Vector512.Create(a[6]); c6_0 = Vector512.FusedMultiplyAdd(a6, b0, c6_0); c6_1 = Vector512.FusedMultiplyAdd(a6, b1, c6_1);
                var a7 = Vector512.Create(a[7]); c7_0 = Vector512.FusedMultiplyAdd(a7, b0, c7_0); c7_1 = Vector512.FusedMultiplyAdd(a7, b1, c7_1);
                var a8 = Vector512.Create(a[8]); c8_0 = Vector512.FusedMultiplyAdd(a8, b0, c8_0); c8_1 = Vector512.FusedMultiplyAdd(a8, b1, c8_1);
                var a9 = Vector512.Create(a[9]); c9_0 = Vector512.FusedMultiplyAdd(a9, b0, c9_0); c9_1 = Vector512.FusedMultiplyAdd(a9, b1, c9_1);
                var a10 = Vector512.Create(a[10]); c10_0 = Vector512.FusedMultiplyAdd(a10, b0, c10_0); c10_1 = Vector512.FusedMultiplyAdd(a10, b1, c10_1);
                var a11 = Vector512.Create(a[11]); c11_0 = Vector512.FusedMultiplyAdd(a11, b0, c11_0); c11_1 = Vector512.FusedMultiplyAdd(a11, b1, c11_1);
                a += 12;
                b += 32;
            }

            var alphaV = Vector512.Create(alpha);
            if (readC)
            {
                var betaV = Vector512.Create(beta);
                UpdateC(c + (0 * ldc) + 0, c0_0, alphaV, betaV); UpdateC(c + (0 * ldc) + 16, c0_1, alphaV, betaV);
                UpdateC(c + (1 * ldc) + 0, c1_0, alphaV, betaV); UpdateC(c + (1 * ldc) + 16, c1_1, alphaV, betaV);
                UpdateC(c + (2 * ldc) + 0, c2_0, alphaV, betaV); UpdateC(c + (2 * ldc) + 16, c2_1, alphaV, betaV);
                UpdateC(c + (3 * ldc) + 0, c3_0, alphaV, betaV); UpdateC(c + (3 * ldc) + 16, c3_1, alphaV, betaV);
                UpdateC(c + (4 * ldc) + 0, c4_0, alphaV, betaV); UpdateC(c + (4 * ldc) + 16, c4_1, alphaV, betaV);
                UpdateC(c + (5 * ldc) + 0, c5_0, alphaV, betaV); UpdateC(c + (5 * ldc) + 16, c5_1, alphaV, betaV);
                UpdateC(c + (6 * ldc) + 0, c6_0, alphaV, betaV); UpdateC(c + (6 * ldc) + 16, c6_1, alphaV, betaV);
                UpdateC(c + (7 * ldc) + 0, c7_0, alphaV, betaV); UpdateC(c + (7 * ldc) + 16, c7_1, alphaV, betaV);
                UpdateC(c + (8 * ldc) + 0, c8_0, alphaV, betaV); UpdateC(c + (8 * ldc) + 16, c8_1, alphaV, betaV);
                UpdateC(c + (9 * ldc) + 0, c9_0, alphaV, betaV); UpdateC(c + (9 * ldc) + 16, c9_1, alphaV, betaV);
                UpdateC(c + (10 * ldc) + 0, c10_0, alphaV, betaV); UpdateC(c + (10 * ldc) + 16, c10_1, alphaV, betaV);
                UpdateC(c + (11 * ldc) + 0, c11_0, alphaV, betaV); UpdateC(c + (11 * ldc) + 16, c11_1, alphaV, betaV);
            }
            else
            {
                Vector512.Store(c0_0 * alphaV, c + (0 * ldc) + 0); Vector512.Store(c0_1 * alphaV, c + (0 * ldc) + 16);
                Vector512.Store(c1_0 * alphaV, c + (1 * ldc) + 0); Vector512.Store(c1_1 * alphaV, c + (1 * ldc) + 16);
                Vector512.Store(c2_0 * alphaV, c + (2 * ldc) + 0); Vector512.Store(c2_1 * alphaV, c + (2 * ldc) + 16);
                Vector512.Store(c3_0 * alphaV, c + (3 * ldc) + 0); Vector512.Store(c3_1 * alphaV, c + (3 * ldc) + 16);
                Vector512.Store(c4_0 * alphaV, c + (4 * ldc) + 0); Vector512.Store(c4_1 * alphaV, c + (4 * ldc) + 16);
                Vector512.Store(c5_0 * alphaV, c + (5 * ldc) + 0); Vector512.Store(c5_1 * alphaV, c + (5 * ldc) + 16);
                Vector512.Store(c6_0 * alphaV, c + (6 * ldc) + 0); Vector512.Store(c6_1 * alphaV, c + (6 * ldc) + 16);
                Vector512.Store(c7_0 * alphaV, c + (7 * ldc) + 0); Vector512.Store(c7_1 * alphaV, c + (7 * ldc) + 16);
                Vector512.Store(c8_0 * alphaV, c + (8 * ldc) + 0); Vector512.Store(c8_1 * alphaV, c + (8 * ldc) + 16);
                Vector512.Store(c9_0 * alphaV, c + (9 * ldc) + 0); Vector512.Store(c9_1 * alphaV, c + (9 * ldc) + 16);
                Vector512.Store(c10_0 * alphaV, c + (10 * ldc) + 0); Vector512.Store(c10_1 * alphaV, c + (10 * ldc) + 16);
                Vector512.Store(c11_0 * alphaV, c + (11 * ldc) + 0); Vector512.Store(c11_1 * alphaV, c + (11 * ldc) + 16);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static unsafe void UpdateC(float* c, Vector512<float> acc, Vector512<float> alpha, Vector512<float> beta) =>
            Vector512.Store(Vector512.FusedMultiplyAdd(beta, Vector512.Load(c), acc * alpha), c);
    }

    /// <summary>8×32 tile with Vector512: 16 accumulators (rows 0..7 × two 16-column halves). Chosen by shape where 8-row panels split m more evenly than 12-row ones (batch 128 over 2 threads: 8 panels each, no padding).</summary>
    internal readonly struct Avx512NarrowKernel : IGemmMicroKernel
    {
        /// <inheritdoc/>
        public static int Mr => 8;

        /// <inheritdoc/>
        public static int Nr => 32;

        /// <inheritdoc/>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static unsafe void Run(int kc, float* a, float* b, float* c, nint ldc, float alpha, float beta, bool readC)
        {
            var c0_0 = Vector512<float>.Zero; var c0_1 = Vector512<float>.Zero;
            var c1_0 = Vector512<float>.Zero; var c1_1 = Vector512<float>.Zero;
            var c2_0 = Vector512<float>.Zero; var c2_1 = Vector512<float>.Zero;
            var c3_0 = Vector512<float>.Zero; var c3_1 = Vector512<float>.Zero;
            var c4_0 = Vector512<float>.Zero; var c4_1 = Vector512<float>.Zero;
            var c5_0 = Vector512<float>.Zero; var c5_1 = Vector512<float>.Zero;
            var c6_0 = Vector512<float>.Zero; var c6_1 = Vector512<float>.Zero;
            var c7_0 = Vector512<float>.Zero; var c7_1 = Vector512<float>.Zero;
            for (int p = 0; p < kc; p++)
            {
                var b0 = Vector512.LoadAligned(b); var b1 = Vector512.LoadAligned(b + 16);
                var a0 = Vector512.Create(a[0]); c0_0 = Vector512.FusedMultiplyAdd(a0, b0, c0_0); c0_1 = Vector512.FusedMultiplyAdd(a0, b1, c0_1);
                var a1 = Vector512.Create(a[1]); c1_0 = Vector512.FusedMultiplyAdd(a1, b0, c1_0); c1_1 = Vector512.FusedMultiplyAdd(a1, b1, c1_1);
                var a2 = Vector512.Create(a[2]); c2_0 = Vector512.FusedMultiplyAdd(a2, b0, c2_0); c2_1 = Vector512.FusedMultiplyAdd(a2, b1, c2_1);
                var a3 = Vector512.Create(a[3]); c3_0 = Vector512.FusedMultiplyAdd(a3, b0, c3_0); c3_1 = Vector512.FusedMultiplyAdd(a3, b1, c3_1);
                var a4 = Vector512.Create(a[4]); c4_0 = Vector512.FusedMultiplyAdd(a4, b0, c4_0); c4_1 = Vector512.FusedMultiplyAdd(a4, b1, c4_1);
                var a5 = Vector512.Create(a[5]); c5_0 = Vector512.FusedMultiplyAdd(a5, b0, c5_0); c5_1 = Vector512.FusedMultiplyAdd(a5, b1, c5_1);
                var a6 = Vector512.Create(a[6]); c6_0 = Vector512.FusedMultiplyAdd(a6, b0, c6_0); c6_1 = Vector512.FusedMultiplyAdd(a6, b1, c6_1);
                var a7 = Vector512.Create(a[7]); c7_0 = Vector512.FusedMultiplyAdd(a7, b0, c7_0); c7_1 = Vector512.FusedMultiplyAdd(a7, b1, c7_1);
                a += 8;
                b += 32;
            }

            var alphaV = Vector512.Create(alpha);
            if (readC)
            {
                var betaV = Vector512.Create(beta);
                UpdateC(c + (0 * ldc) + 0, c0_0, alphaV, betaV); UpdateC(c + (0 * ldc) + 16, c0_1, alphaV, betaV);
                UpdateC(c + (1 * ldc) + 0, c1_0, alphaV, betaV); UpdateC(c + (1 * ldc) + 16, c1_1, alphaV, betaV);
                UpdateC(c + (2 * ldc) + 0, c2_0, alphaV, betaV); UpdateC(c + (2 * ldc) + 16, c2_1, alphaV, betaV);
                UpdateC(c + (3 * ldc) + 0, c3_0, alphaV, betaV); UpdateC(c + (3 * ldc) + 16, c3_1, alphaV, betaV);
                UpdateC(c + (4 * ldc) + 0, c4_0, alphaV, betaV); UpdateC(c + (4 * ldc) + 16, c4_1, alphaV, betaV);
                UpdateC(c + (5 * ldc) + 0, c5_0, alphaV, betaV); UpdateC(c + (5 * ldc) + 16, c5_1, alphaV, betaV);
                UpdateC(c + (6 * ldc) + 0, c6_0, alphaV, betaV); UpdateC(c + (6 * ldc) + 16, c6_1, alphaV, betaV);
                UpdateC(c + (7 * ldc) + 0, c7_0, alphaV, betaV); UpdateC(c + (7 * ldc) + 16, c7_1, alphaV, betaV);
            }
            else
            {
                Vector512.Store(c0_0 * alphaV, c + (0 * ldc) + 0); Vector512.Store(c0_1 * alphaV, c + (0 * ldc) + 16);
                Vector512.Store(c1_0 * alphaV, c + (1 * ldc) + 0); Vector512.Store(c1_1 * alphaV, c + (1 * ldc) + 16);
                Vector512.Store(c2_0 * alphaV, c + (2 * ldc) + 0); Vector512.Store(c2_1 * alphaV, c + (2 * ldc) + 16);
                Vector512.Store(c3_0 * alphaV, c + (3 * ldc) + 0); Vector512.Store(c3_1 * alphaV, c + (3 * ldc) + 16);
                Vector512.Store(c4_0 * alphaV, c + (4 * ldc) + 0); Vector512.Store(c4_1 * alphaV, c + (4 * ldc) + 16);
                Vector512.Store(c5_0 * alphaV, c + (5 * ldc) + 0); Vector512.Store(c5_1 * alphaV, c + (5 * ldc) + 16);
                Vector512.Store(c6_0 * alphaV, c + (6 * ldc) + 0); Vector512.Store(c6_1 * alphaV, c + (6 * ldc) + 16);
                Vector512.Store(c7_0 * alphaV, c + (7 * ldc) + 0); Vector512.Store(c7_1 * alphaV, c + (7 * ldc) + 16);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static unsafe void UpdateC(float* c, Vector512<float> acc, Vector512<float> alpha, Vector512<float> beta) =>
            Vector512.Store(Vector512.FusedMultiplyAdd(beta, Vector512.Load(c), acc * alpha), c);
    }
}
