namespace LatentWorkbench.Kernels;

/// <summary>Which micro-kernel <see cref="Gemm"/> uses.</summary>
internal enum GemmPath
{
    /// <summary>The fastest one this CPU accelerates.</summary>
    Auto,

    /// <summary>4×4 scalar tiles.</summary>
    Scalar,

    /// <summary>8×12 tiles of Vector128 with FMA (ARM64 NEON; x86 with FMA3 but no accelerated 256-bit vectors).</summary>
    Vector128,

    /// <summary>6×16 tiles of Vector256 with FMA (AVX2 + FMA3).</summary>
    Vector256,

    /// <summary>12×32 tiles of Vector512 (AVX-512F).</summary>
    Vector512,
}
