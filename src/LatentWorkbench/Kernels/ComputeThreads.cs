namespace LatentWorkbench.Kernels;

/// <summary>
/// How many threads parallel kernels (GEMM) may use. Results do not depend on it: work is split into fixed
/// partitions whose sums are combined in a fixed order.
/// </summary>
public static class ComputeThreads
{
    private static int s_count = Environment.ProcessorCount;

    /// <summary>The thread budget (default: all logical processors).</summary>
    public static int Count
    {
        get => s_count;
        set => s_count = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), $"The thread count must be positive; got {value}.");
    }
}
