using System.Runtime.CompilerServices;

namespace LatentWorkbench.Kernels;

/// <summary>
/// Copies blocks of op(A) and op(B) into the panel layouts the micro-kernels stream through
/// (see <see cref="IGemmMicroKernel"/>), zero-padding past the matrix edge so every tile is full.
/// </summary>
/// <remarks>
/// Packing makes every kernel load unit-stride and aligned whatever the transposes and strides are, and it
/// costs O(mc·kc + kc·nc) against O(mc·nc·kc) multiply-adds. Both transposes of each operand are handled here,
/// so the kernels never see them.
/// </remarks>
internal static unsafe class GemmPacking
{
    /// <summary>
    /// Packs op(A)[i0 .. i0+mc, p0 .. p0+kc] into ⌈mc/mr⌉ panels of kc×mr floats, panel q at dst + q·mr·kc,
    /// element (r, p) of a panel at p·mr + r.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackA(bool transA, float* a, nint lda, int i0, int mc, int p0, int kc, int mr, float* dst)
    {
        for (int ir = 0; ir < mc; ir += mr)
        {
            int rows = Math.Min(mr, mc - ir);
            float* panel = dst + ((nint)ir * kc);
            if (transA)
            {
                // op(A)[i, p] = a[p·lda + i]: each p holds the panel's rows contiguously.
                float* src = a + ((nint)p0 * lda) + i0 + ir;
                for (int p = 0; p < kc; p++, src += lda, panel += mr)
                {
                    CopyAndPad(src, panel, rows, mr);
                }
            }
            else
            {
                // op(A)[i, p] = a[i·lda + p]: interleave `rows` row streams into one.
                GemmTranspose.Interleave(a + ((nint)(i0 + ir) * lda) + p0, lda, rows, panel, mr, kc);
                ZeroColumns(panel, kc, mr, rows);
            }
        }
    }

    /// <summary>
    /// Packs op(B)[p0 .. p0+kc, j0 .. j0+nc] into ⌈nc/nr⌉ panels of kc×nr floats, panel q at dst + q·nr·kc,
    /// element (p, c) of a panel at p·nr + c.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackB(bool transB, float* b, nint ldb, int p0, int kc, int j0, int nc, int nr, float* dst)
    {
        for (int jr = 0; jr < nc; jr += nr)
        {
            int cols = Math.Min(nr, nc - jr);
            float* panel = dst + ((nint)jr * kc);
            if (!transB)
            {
                // op(B)[p, j] = b[p·ldb + j]: each p holds the panel's columns contiguously.
                float* src = b + ((nint)p0 * ldb) + j0 + jr;
                for (int p = 0; p < kc; p++, src += ldb, panel += nr)
                {
                    CopyAndPad(src, panel, cols, nr);
                }
            }
            else
            {
                // op(B)[p, j] = b[j·ldb + p]: interleave `cols` row streams of B into one.
                GemmTranspose.Interleave(b + ((nint)(j0 + jr) * ldb) + p0, ldb, cols, panel, nr, kc);
                ZeroColumns(panel, kc, nr, cols);
            }
        }
    }

    private static void CopyAndPad(float* src, float* dst, int count, int width)
    {
        Buffer.MemoryCopy(src, dst, (long)width * sizeof(float), (long)count * sizeof(float));
        for (int i = count; i < width; i++)
        {
            dst[i] = 0f;
        }
    }

    /// <summary>Zeroes columns [from, width) of a kc×width panel (the padding past the matrix edge).</summary>
    private static void ZeroColumns(float* panel, int kc, int width, int from)
    {
        if (from == width)
        {
            return;
        }

        for (int p = 0; p < kc; p++, panel += width)
        {
            for (int i = from; i < width; i++)
            {
                panel[i] = 0f;
            }
        }
    }
}
