namespace LatentWorkbench.Kernels;

/// <summary>
/// How many threads parallel kernels (GEMM, large elementwise kernels and reductions) may use. Results do not
/// depend on it: work is split into fixed partitions whose sums are combined in a fixed order.
/// </summary>
/// <remarks>
/// The public face of <see cref="ParallelKernel.MaxDegreeOfParallelism"/>: there is one thread budget for every
/// kernel, set by the CLI's <c>--threads</c> or from a notebook.
/// </remarks>
public static class ComputeThreads
{
    /// <summary>The thread budget (default: all logical processors).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public static int Count
    {
        get => ParallelKernel.MaxDegreeOfParallelism;
        set => ParallelKernel.MaxDegreeOfParallelism = value > 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), $"The thread count must be positive; got {value}.");
    }
}
