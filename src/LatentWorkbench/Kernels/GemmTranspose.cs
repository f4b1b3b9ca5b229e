using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace LatentWorkbench.Kernels;

/// <summary>
/// The transposing copy behind packing a row-major A (or a transposed B): <c>rows</c> source rows are
/// interleaved into one stream, dst[p·dstStride + r] = src[r·srcStride + p].
/// </summary>
/// <remarks>
/// With AVX, rows go in groups of 8 (an 8×8 in-register transpose: unpack → shuffle → 128-bit permute, so
/// 8 loads and 8 stores per 64 elements instead of 64 strided scalar stores) and then groups of 4 (a 4×8
/// transpose stored as 128-bit halves); leftover rows and the last count mod 8 columns are copied one by one.
/// </remarks>
internal static unsafe class GemmTranspose
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Interleave(float* src, nint srcStride, int rows, float* dst, int dstStride, int count)
    {
        int r = 0;
        int vectorCount = Avx.IsSupported ? count & ~7 : 0;
        if (vectorCount > 0)
        {
            for (; r + 8 <= rows; r += 8)
            {
                float* s = src + (r * srcStride);
                for (int p = 0; p < vectorCount; p += 8)
                {
                    Transpose8x8(s + p, srcStride, dst + ((nint)p * dstStride) + r, dstStride);
                }
            }

            for (; r + 4 <= rows; r += 4)
            {
                float* s = src + (r * srcStride);
                for (int p = 0; p < vectorCount; p += 8)
                {
                    Transpose4x8(s + p, srcStride, dst + ((nint)p * dstStride) + r, dstStride);
                }
            }

            // Leftover rows for the vector columns.
            for (int rr = r; rr < rows; rr++)
            {
                CopyColumn(src + (rr * srcStride), dst + rr, dstStride, 0, vectorCount);
            }

            r = 0;
        }

        // Columns not covered by 8-wide blocks (all of them without AVX).
        for (; r < rows; r++)
        {
            CopyColumn(src + (r * srcStride), dst + r, dstStride, vectorCount, count);
        }
    }

    private static void CopyColumn(float* srcRow, float* dstColumn, int dstStride, int from, int to)
    {
        for (int p = from; p < to; p++)
        {
            dstColumn[(nint)p * dstStride] = srcRow[p];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose8x8(float* s, nint ss, float* d, nint ds)
    {
        var r0 = Avx.LoadVector256(s);
        var r1 = Avx.LoadVector256(s + ss);
        var r2 = Avx.LoadVector256(s + (2 * ss));
        var r3 = Avx.LoadVector256(s + (3 * ss));
        var r4 = Avx.LoadVector256(s + (4 * ss));
        var r5 = Avx.LoadVector256(s + (5 * ss));
        var r6 = Avx.LoadVector256(s + (6 * ss));
        var r7 = Avx.LoadVector256(s + (7 * ss));

        // Pairs of rows interleaved: t0 = [a00 a10 a01 a11 | a04 a14 a05 a15], t1 = [a02 a12 a03 a13 | a06 a16 a07 a17].
        var t0 = Avx.UnpackLow(r0, r1);
        var t1 = Avx.UnpackHigh(r0, r1);
        var t2 = Avx.UnpackLow(r2, r3);
        var t3 = Avx.UnpackHigh(r2, r3);
        var t4 = Avx.UnpackLow(r4, r5);
        var t5 = Avx.UnpackHigh(r4, r5);
        var t6 = Avx.UnpackLow(r6, r7);
        var t7 = Avx.UnpackHigh(r6, r7);

        // Quads: u0 = [a00 a10 a20 a30 | a04 a14 a24 a34] (columns 0 and 4 of rows 0–3), and so on.
        var u0 = Avx.Shuffle(t0, t2, 0x44);
        var u1 = Avx.Shuffle(t0, t2, 0xEE);
        var u2 = Avx.Shuffle(t1, t3, 0x44);
        var u3 = Avx.Shuffle(t1, t3, 0xEE);
        var u4 = Avx.Shuffle(t4, t6, 0x44);
        var u5 = Avx.Shuffle(t4, t6, 0xEE);
        var u6 = Avx.Shuffle(t5, t7, 0x44);
        var u7 = Avx.Shuffle(t5, t7, 0xEE);

        // Join rows 0–3 with rows 4–7: low halves give columns 0–3, high halves columns 4–7.
        Avx.Store(d, Avx.Permute2x128(u0, u4, 0x20));
        Avx.Store(d + ds, Avx.Permute2x128(u1, u5, 0x20));
        Avx.Store(d + (2 * ds), Avx.Permute2x128(u2, u6, 0x20));
        Avx.Store(d + (3 * ds), Avx.Permute2x128(u3, u7, 0x20));
        Avx.Store(d + (4 * ds), Avx.Permute2x128(u0, u4, 0x31));
        Avx.Store(d + (5 * ds), Avx.Permute2x128(u1, u5, 0x31));
        Avx.Store(d + (6 * ds), Avx.Permute2x128(u2, u6, 0x31));
        Avx.Store(d + (7 * ds), Avx.Permute2x128(u3, u7, 0x31));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose4x8(float* s, nint ss, float* d, nint ds)
    {
        var r0 = Avx.LoadVector256(s);
        var r1 = Avx.LoadVector256(s + ss);
        var r2 = Avx.LoadVector256(s + (2 * ss));
        var r3 = Avx.LoadVector256(s + (3 * ss));
        var t0 = Avx.UnpackLow(r0, r1);
        var t1 = Avx.UnpackHigh(r0, r1);
        var t2 = Avx.UnpackLow(r2, r3);
        var t3 = Avx.UnpackHigh(r2, r3);

        // u0 = [column 0 | column 4] of the 4 rows, u1 = [1 | 5], u2 = [2 | 6], u3 = [3 | 7].
        var u0 = Avx.Shuffle(t0, t2, 0x44);
        var u1 = Avx.Shuffle(t0, t2, 0xEE);
        var u2 = Avx.Shuffle(t1, t3, 0x44);
        var u3 = Avx.Shuffle(t1, t3, 0xEE);
        Sse.Store(d, u0.GetLower());
        Sse.Store(d + ds, u1.GetLower());
        Sse.Store(d + (2 * ds), u2.GetLower());
        Sse.Store(d + (3 * ds), u3.GetLower());
        Sse.Store(d + (4 * ds), u0.GetUpper());
        Sse.Store(d + (5 * ds), u1.GetUpper());
        Sse.Store(d + (6 * ds), u2.GetUpper());
        Sse.Store(d + (7 * ds), u3.GetUpper());
    }
}
