using System.Runtime.InteropServices;

namespace LatentWorkbench.Kernels;

/// <summary>
/// Per-thread, 64-byte-aligned native pack buffers for <see cref="Gemm"/>: allocated on a thread's first call,
/// grown when a larger block is needed, reused afterwards, so a steady-state call allocates nothing.
/// </summary>
/// <remarks>
/// The blocking parameters bound the sizes (A block mc×kc, B block kc×nc), so each thread holds at most a
/// few megabytes. The memory is freed when the thread ends (the object becomes unreachable and is finalized).
/// </remarks>
internal sealed unsafe class GemmScratch
{
    private const nuint Alignment = 64;

    [ThreadStatic]
    private static GemmScratch? t_current;

    private float* _a;
    private nuint _aCapacity;
    private float* _b;
    private nuint _bCapacity;

    private GemmScratch()
    {
    }

    ~GemmScratch()
    {
        NativeMemory.AlignedFree(_a);
        NativeMemory.AlignedFree(_b);
    }

    /// <summary>The calling thread's buffers.</summary>
    public static GemmScratch Current => t_current ??= new GemmScratch();

    /// <summary>A buffer of at least <paramref name="floats"/> floats for packed A.</summary>
    public float* A(nuint floats) => Ensure(ref _a, ref _aCapacity, floats);

    /// <summary>A buffer of at least <paramref name="floats"/> floats for packed B.</summary>
    public float* B(nuint floats) => Ensure(ref _b, ref _bCapacity, floats);

    private static float* Ensure(ref float* buffer, ref nuint capacity, nuint floats)
    {
        if (floats > capacity)
        {
            NativeMemory.AlignedFree(buffer);
            buffer = null;
            capacity = 0;
            buffer = (float*)NativeMemory.AlignedAlloc(floats * sizeof(float), Alignment);
            capacity = floats;
        }

        return buffer;
    }
}
