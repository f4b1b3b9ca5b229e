namespace LatentWorkbench.Kernels;

/// <summary>
/// A register-blocked GEMM micro-kernel: multiplies an Mr×kc packed panel of op(A) by a kc×Nr packed panel of
/// op(B) and writes the Mr×Nr result into C.
/// </summary>
/// <remarks>
/// Packed layouts (see <see cref="GemmPacking"/>): the A panel holds, for each p in 0..kc, the Mr values
/// op(A)[i0 + r, p] contiguously; the B panel holds, for each p, the Nr values op(B)[p, j0 + c] contiguously
/// (64-byte aligned). Rows or columns beyond the matrix edge are zero in the panels, so the kernel always
/// computes a full tile. Every output element is the sum acc = Σ_p a·b accumulated by one FMA per p in
/// increasing p, then written as C = alpha·acc (readC false) or C = fma(beta, C, alpha·acc) (readC true):
/// the same arithmetic for every element, whatever tile or thread computes it.
/// </remarks>
internal interface IGemmMicroKernel
{
    /// <summary>Rows of the C tile (register block height).</summary>
    static abstract int Mr { get; }

    /// <summary>Columns of the C tile (register block width, a multiple of the vector width).</summary>
    static abstract int Nr { get; }

    /// <summary>Computes one Mr×Nr tile: C[r, c] = alpha·Σ_p a[p·Mr + r]·b[p·Nr + c] (+ beta·C when <paramref name="readC"/>).</summary>
    /// <param name="kc">Depth of the panels.</param>
    /// <param name="a">Packed A panel, kc·Mr floats.</param>
    /// <param name="b">Packed B panel, kc·Nr floats, 64-byte aligned.</param>
    /// <param name="c">Top-left element of the C tile.</param>
    /// <param name="ldc">Row stride of C in floats.</param>
    /// <param name="alpha">Scale of the product.</param>
    /// <param name="beta">Scale of the existing C (used only when <paramref name="readC"/>).</param>
    /// <param name="readC">False: C is overwritten without being read (BLAS beta = 0 semantics).</param>
    static abstract unsafe void Run(int kc, float* a, float* b, float* c, nint ldc, float alpha, float beta, bool readC);
}
