namespace LatentWorkbench.Kernels;

/// <summary>Which micro-kernel <see cref="Gemm"/> uses.</summary>
internal enum GemmPath
{
    /// <summary>The fastest one this CPU accelerates.</summary>
    Auto,

    /// <summary>4×4 scalar tiles.</summary>
    Scalar,

    /// <summary>6×16 tiles of Vector256 with FMA (AVX2 + FMA3).</summary>
    Vector256,

    /// <summary>12×32 tiles of Vector512 (AVX-512F).</summary>
    Vector512,
}
