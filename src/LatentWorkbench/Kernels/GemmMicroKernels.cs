using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace LatentWorkbench.Kernels;

/// <summary>
/// The micro-kernels <see cref="Gemm"/> dispatches to (generated-style unrolled code: one statement per lane
/// block so the JIT keeps every accumulator in a register). Lane layout: lane l of accumulator c{r}_{v} holds
/// C[r, v·W + l] where W is the vector width; each step p broadcasts a[r] and multiplies the B row vectors.
/// </summary>
internal static class GemmMicroKernels
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

    /// <summary>6×16 tile with Vector256: 12 accumulators of 8 lanes + 2 B vectors + 1 broadcast fit the 16 ymm registers of AVX2.</summary>
    internal readonly struct Avx2Kernel : IGemmMicroKernel
    {
        /// <inheritdoc/>
        public static int Mr => 6;

        /// <inheritdoc/>
        public static int Nr => 16;

        /// <inheritdoc/>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static unsafe void Run(int kc, float* a, float* b, float* c, nint ldc, float alpha, float beta, bool readC)
        {
            var c0_0 = Vector256<float>.Zero; var c0_1 = Vector256<float>.Zero;
            var c1_0 = Vector256<float>.Zero; var c1_1 = Vector256<float>.Zero;
            var c2_0 = Vector256<float>.Zero; var c2_1 = Vector256<float>.Zero;
            var c3_0 = Vector256<float>.Zero; var c3_1 = Vector256<float>.Zero;
            var c4_0 = Vector256<float>.Zero; var c4_1 = Vector256<float>.Zero;
            var c5_0 = Vector256<float>.Zero; var c5_1 = Vector256<float>.Zero;
            for (int p = 0; p < kc; p++)
            {
                var b0 = Vector256.LoadAligned(b); var b1 = Vector256.LoadAligned(b + 8);
                var a0 = Vector256.Create(a[0]); c0_0 = Vector256.FusedMultiplyAdd(a0, b0, c0_0); c0_1 = Vector256.FusedMultiplyAdd(a0, b1, c0_1);
                var a1 = Vector256.Create(a[1]); c1_0 = Vector256.FusedMultiplyAdd(a1, b0, c1_0); c1_1 = Vector256.FusedMultiplyAdd(a1, b1, c1_1);
                var a2 = Vector256.Create(a[2]); c2_0 = Vector256.FusedMultiplyAdd(a2, b0, c2_0); c2_1 = Vector256.FusedMultiplyAdd(a2, b1, c2_1);
                var a3 = Vector256.Create(a[3]); c3_0 = Vector256.FusedMultiplyAdd(a3, b0, c3_0); c3_1 = Vector256.FusedMultiplyAdd(a3, b1, c3_1);
                var a4 = Vector256.Create(a[4]); c4_0 = Vector256.FusedMultiplyAdd(a4, b0, c4_0); c4_1 = Vector256.FusedMultiplyAdd(a4, b1, c4_1);
                var a5 = Vector256.Create(a[5]); c5_0 = Vector256.FusedMultiplyAdd(a5, b0, c5_0); c5_1 = Vector256.FusedMultiplyAdd(a5, b1, c5_1);
                a += 6;
                b += 16;
            }

            var alphaV = Vector256.Create(alpha);
            if (readC)
            {
                var betaV = Vector256.Create(beta);
                UpdateC(c + (0 * ldc) + 0, c0_0, alphaV, betaV); UpdateC(c + (0 * ldc) + 8, c0_1, alphaV, betaV);
                UpdateC(c + (1 * ldc) + 0, c1_0, alphaV, betaV); UpdateC(c + (1 * ldc) + 8, c1_1, alphaV, betaV);
                UpdateC(c + (2 * ldc) + 0, c2_0, alphaV, betaV); UpdateC(c + (2 * ldc) + 8, c2_1, alphaV, betaV);
                UpdateC(c + (3 * ldc) + 0, c3_0, alphaV, betaV); UpdateC(c + (3 * ldc) + 8, c3_1, alphaV, betaV);
                UpdateC(c + (4 * ldc) + 0, c4_0, alphaV, betaV); UpdateC(c + (4 * ldc) + 8, c4_1, alphaV, betaV);
                UpdateC(c + (5 * ldc) + 0, c5_0, alphaV, betaV); UpdateC(c + (5 * ldc) + 8, c5_1, alphaV, betaV);
            }
            else
            {
                Vector256.Store(c0_0 * alphaV, c + (0 * ldc) + 0); Vector256.Store(c0_1 * alphaV, c + (0 * ldc) + 8);
                Vector256.Store(c1_0 * alphaV, c + (1 * ldc) + 0); Vector256.Store(c1_1 * alphaV, c + (1 * ldc) + 8);
                Vector256.Store(c2_0 * alphaV, c + (2 * ldc) + 0); Vector256.Store(c2_1 * alphaV, c + (2 * ldc) + 8);
                Vector256.Store(c3_0 * alphaV, c + (3 * ldc) + 0); Vector256.Store(c3_1 * alphaV, c + (3 * ldc) + 8);
                Vector256.Store(c4_0 * alphaV, c + (4 * ldc) + 0); Vector256.Store(c4_1 * alphaV, c + (4 * ldc) + 8);
                Vector256.Store(c5_0 * alphaV, c + (5 * ldc) + 0); Vector256.Store(c5_1 * alphaV, c + (5 * ldc) + 8);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static unsafe void UpdateC(float* c, Vector256<float> acc, Vector256<float> alpha, Vector256<float> beta) =>
            Vector256.Store(Vector256.FusedMultiplyAdd(beta, Vector256.Load(c), acc * alpha), c);
    }


    /// <summary>8×12 tile with Vector128 (ARM64 NEON, or x86 with FMA but no 256-bit vectors): 24 accumulators of 4 lanes + 3 B vectors + 1 broadcast fit the 32 NEON registers.</summary>
    internal readonly struct Neon128Kernel : IGemmMicroKernel
    {
        /// <inheritdoc/>
        public static int Mr => 8;

        /// <inheritdoc/>
        public static int Nr => 12;

        /// <inheritdoc/>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static unsafe void Run(int kc, float* a, float* b, float* c, nint ldc, float alpha, float beta, bool readC)
        {
            var c0_0 = Vector128<float>.Zero; var c0_1 = Vector128<float>.Zero; var c0_2 = Vector128<float>.Zero;
            var c1_0 = Vector128<float>.Zero; var c1_1 = Vector128<float>.Zero; var c1_2 = Vector128<float>.Zero;
            var c2_0 = Vector128<float>.Zero; var c2_1 = Vector128<float>.Zero; var c2_2 = Vector128<float>.Zero;
            var c3_0 = Vector128<float>.Zero; var c3_1 = Vector128<float>.Zero; var c3_2 = Vector128<float>.Zero;
            var c4_0 = Vector128<float>.Zero; var c4_1 = Vector128<float>.Zero; var c4_2 = Vector128<float>.Zero;
            var c5_0 = Vector128<float>.Zero; var c5_1 = Vector128<float>.Zero; var c5_2 = Vector128<float>.Zero;
            var c6_0 = Vector128<float>.Zero; var c6_1 = Vector128<float>.Zero; var c6_2 = Vector128<float>.Zero;
            var c7_0 = Vector128<float>.Zero; var c7_1 = Vector128<float>.Zero; var c7_2 = Vector128<float>.Zero;
            for (int p = 0; p < kc; p++)
            {
                var b0 = Vector128.LoadAligned(b); var b1 = Vector128.LoadAligned(b + 4); var b2 = Vector128.LoadAligned(b + 8);
                var a0 = Vector128.Create(a[0]); c0_0 = Vector128.FusedMultiplyAdd(a0, b0, c0_0); c0_1 = Vector128.FusedMultiplyAdd(a0, b1, c0_1); c0_2 = Vector128.FusedMultiplyAdd(a0, b2, c0_2);
                var a1 = Vector128.Create(a[1]); c1_0 = Vector128.FusedMultiplyAdd(a1, b0, c1_0); c1_1 = Vector128.FusedMultiplyAdd(a1, b1, c1_1); c1_2 = Vector128.FusedMultiplyAdd(a1, b2, c1_2);
                var a2 = Vector128.Create(a[2]); c2_0 = Vector128.FusedMultiplyAdd(a2, b0, c2_0); c2_1 = Vector128.FusedMultiplyAdd(a2, b1, c2_1); c2_2 = Vector128.FusedMultiplyAdd(a2, b2, c2_2);
                var a3 = Vector128.Create(a[3]); c3_0 = Vector128.FusedMultiplyAdd(a3, b0, c3_0); c3_1 = Vector128.FusedMultiplyAdd(a3, b1, c3_1); c3_2 = Vector128.FusedMultiplyAdd(a3, b2, c3_2);
                var a4 = Vector128.Create(a[4]); c4_0 = Vector128.FusedMultiplyAdd(a4, b0, c4_0); c4_1 = Vector128.FusedMultiplyAdd(a4, b1, c4_1); c4_2 = Vector128.FusedMultiplyAdd(a4, b2, c4_2);
                var a5 = Vector128.Create(a[5]); c5_0 = Vector128.FusedMultiplyAdd(a5, b0, c5_0); c5_1 = Vector128.FusedMultiplyAdd(a5, b1, c5_1); c5_2 = Vector128.FusedMultiplyAdd(a5, b2, c5_2);
                var a6 = Vector128.Create(a[6]); c6_0 = Vector128.FusedMultiplyAdd(a6, b0, c6_0); c6_1 = Vector128.FusedMultiplyAdd(a6, b1, c6_1); c6_2 = Vector128.FusedMultiplyAdd(a6, b2, c6_2);
                var a7 = Vector128.Create(a[7]); c7_0 = Vector128.FusedMultiplyAdd(a7, b0, c7_0); c7_1 = Vector128.FusedMultiplyAdd(a7, b1, c7_1); c7_2 = Vector128.FusedMultiplyAdd(a7, b2, c7_2);
                a += 8;
                b += 12;
            }

            var alphaV = Vector128.Create(alpha);
            if (readC)
            {
                var betaV = Vector128.Create(beta);
                UpdateC(c + (0 * ldc) + 0, c0_0, alphaV, betaV); UpdateC(c + (0 * ldc) + 4, c0_1, alphaV, betaV); UpdateC(c + (0 * ldc) + 8, c0_2, alphaV, betaV);
                UpdateC(c + (1 * ldc) + 0, c1_0, alphaV, betaV); UpdateC(c + (1 * ldc) + 4, c1_1, alphaV, betaV); UpdateC(c + (1 * ldc) + 8, c1_2, alphaV, betaV);
                UpdateC(c + (2 * ldc) + 0, c2_0, alphaV, betaV); UpdateC(c + (2 * ldc) + 4, c2_1, alphaV, betaV); UpdateC(c + (2 * ldc) + 8, c2_2, alphaV, betaV);
                UpdateC(c + (3 * ldc) + 0, c3_0, alphaV, betaV); UpdateC(c + (3 * ldc) + 4, c3_1, alphaV, betaV); UpdateC(c + (3 * ldc) + 8, c3_2, alphaV, betaV);
                UpdateC(c + (4 * ldc) + 0, c4_0, alphaV, betaV); UpdateC(c + (4 * ldc) + 4, c4_1, alphaV, betaV); UpdateC(c + (4 * ldc) + 8, c4_2, alphaV, betaV);
                UpdateC(c + (5 * ldc) + 0, c5_0, alphaV, betaV); UpdateC(c + (5 * ldc) + 4, c5_1, alphaV, betaV); UpdateC(c + (5 * ldc) + 8, c5_2, alphaV, betaV);
                UpdateC(c + (6 * ldc) + 0, c6_0, alphaV, betaV); UpdateC(c + (6 * ldc) + 4, c6_1, alphaV, betaV); UpdateC(c + (6 * ldc) + 8, c6_2, alphaV, betaV);
                UpdateC(c + (7 * ldc) + 0, c7_0, alphaV, betaV); UpdateC(c + (7 * ldc) + 4, c7_1, alphaV, betaV); UpdateC(c + (7 * ldc) + 8, c7_2, alphaV, betaV);
            }
            else
            {
                Vector128.Store(c0_0 * alphaV, c + (0 * ldc) + 0); Vector128.Store(c0_1 * alphaV, c + (0 * ldc) + 4); Vector128.Store(c0_2 * alphaV, c + (0 * ldc) + 8);
                Vector128.Store(c1_0 * alphaV, c + (1 * ldc) + 0); Vector128.Store(c1_1 * alphaV, c + (1 * ldc) + 4); Vector128.Store(c1_2 * alphaV, c + (1 * ldc) + 8);
                Vector128.Store(c2_0 * alphaV, c + (2 * ldc) + 0); Vector128.Store(c2_1 * alphaV, c + (2 * ldc) + 4); Vector128.Store(c2_2 * alphaV, c + (2 * ldc) + 8);
                Vector128.Store(c3_0 * alphaV, c + (3 * ldc) + 0); Vector128.Store(c3_1 * alphaV, c + (3 * ldc) + 4); Vector128.Store(c3_2 * alphaV, c + (3 * ldc) + 8);
                Vector128.Store(c4_0 * alphaV, c + (4 * ldc) + 0); Vector128.Store(c4_1 * alphaV, c + (4 * ldc) + 4); Vector128.Store(c4_2 * alphaV, c + (4 * ldc) + 8);
                Vector128.Store(c5_0 * alphaV, c + (5 * ldc) + 0); Vector128.Store(c5_1 * alphaV, c + (5 * ldc) + 4); Vector128.Store(c5_2 * alphaV, c + (5 * ldc) + 8);
                Vector128.Store(c6_0 * alphaV, c + (6 * ldc) + 0); Vector128.Store(c6_1 * alphaV, c + (6 * ldc) + 4); Vector128.Store(c6_2 * alphaV, c + (6 * ldc) + 8);
                Vector128.Store(c7_0 * alphaV, c + (7 * ldc) + 0); Vector128.Store(c7_1 * alphaV, c + (7 * ldc) + 4); Vector128.Store(c7_2 * alphaV, c + (7 * ldc) + 8);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static unsafe void UpdateC(float* c, Vector128<float> acc, Vector128<float> alpha, Vector128<float> beta) =>
            Vector128.Store(Vector128.FusedMultiplyAdd(beta, Vector128.Load(c), acc * alpha), c);
    }

    /// <summary>4×4 scalar tile: the portable fallback where no vector unit is accelerated (16 accumulators in locals so they stay in registers).</summary>
    internal readonly struct ScalarKernel : IGemmMicroKernel
    {
        /// <inheritdoc/>
        public static int Mr => 4;

        /// <inheritdoc/>
        public static int Nr => 4;

        /// <inheritdoc/>
        public static unsafe void Run(int kc, float* a, float* b, float* c, nint ldc, float alpha, float beta, bool readC)
        {
            float c00 = 0f; float c01 = 0f; float c02 = 0f; float c03 = 0f;
            float c10 = 0f; float c11 = 0f; float c12 = 0f; float c13 = 0f;
            float c20 = 0f; float c21 = 0f; float c22 = 0f; float c23 = 0f;
            float c30 = 0f; float c31 = 0f; float c32 = 0f; float c33 = 0f;
            for (int p = 0; p < kc; p++)
            {
                float b0 = b[0], b1 = b[1], b2 = b[2], b3 = b[3];
                float a0 = a[0];
                c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
                float a1 = a[1];
                c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
                float a2 = a[2];
                c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
                float a3 = a[3];
                c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
                a += 4;
                b += 4;
            }

            Write(c + (0 * ldc) + 0, c00, alpha, beta, readC); Write(c + (0 * ldc) + 1, c01, alpha, beta, readC); Write(c + (0 * ldc) + 2, c02, alpha, beta, readC); Write(c + (0 * ldc) + 3, c03, alpha, beta, readC);
            Write(c + (1 * ldc) + 0, c10, alpha, beta, readC); Write(c + (1 * ldc) + 1, c11, alpha, beta, readC); Write(c + (1 * ldc) + 2, c12, alpha, beta, readC); Write(c + (1 * ldc) + 3, c13, alpha, beta, readC);
            Write(c + (2 * ldc) + 0, c20, alpha, beta, readC); Write(c + (2 * ldc) + 1, c21, alpha, beta, readC); Write(c + (2 * ldc) + 2, c22, alpha, beta, readC); Write(c + (2 * ldc) + 3, c23, alpha, beta, readC);
            Write(c + (3 * ldc) + 0, c30, alpha, beta, readC); Write(c + (3 * ldc) + 1, c31, alpha, beta, readC); Write(c + (3 * ldc) + 2, c32, alpha, beta, readC); Write(c + (3 * ldc) + 3, c33, alpha, beta, readC);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static unsafe void Write(float* c, float acc, float alpha, float beta, bool readC) =>
            *c = readC ? MathF.FusedMultiplyAdd(beta, *c, alpha * acc) : alpha * acc;
    }
}
