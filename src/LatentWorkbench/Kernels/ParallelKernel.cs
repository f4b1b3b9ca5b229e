namespace LatentWorkbench.Kernels;

/// <summary>
/// The thread budget every kernel shares, and a parallel loop whose partition is fixed by index ranges,
/// so that kernels stay deterministic: the same inputs give bitwise-identical outputs run to run.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="MaxDegreeOfParallelism"/> caps how many threads any kernel uses (the CLI's <c>--threads</c>
/// sets it). It defaults to <see cref="Environment.ProcessorCount"/>.
/// </para>
/// <para>
/// Determinism contract: <see cref="ForRanges"/> splits <c>[0, count)</c> into contiguous ranges whose
/// boundaries depend only on <c>count</c>, the minimum range size and the thread setting — never on
/// scheduling — and runs each range on exactly one thread. A kernel whose items are computed independently
/// (each output written by one range, with a fixed inner order) is therefore bitwise reproducible for
/// any thread setting. A kernel that reduces across items must not let the range boundaries change its
/// summation order: use <see cref="ForFixedRanges"/> with a range count that does not depend on the thread
/// setting, keep one partial result per range, and combine the partials in range order afterwards.
/// </para>
/// </remarks>
internal static class ParallelKernel
{
    private static int _maxDegreeOfParallelism = Environment.ProcessorCount;

    /// <summary>Upper bound on the threads a kernel uses (at least 1; default: the processor count).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public static int MaxDegreeOfParallelism
    {
        get => Volatile.Read(ref _maxDegreeOfParallelism);
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1, nameof(MaxDegreeOfParallelism));
            Volatile.Write(ref _maxDegreeOfParallelism, value);
        }
    }

    /// <summary>
    /// How many ranges <see cref="ForRanges"/> uses for <paramref name="count"/> items: enough that each
    /// range holds at least <paramref name="minItemsPerRange"/> items, at most <see cref="MaxDegreeOfParallelism"/>.
    /// </summary>
    public static int RangeCount(int count, int minItemsPerRange)
    {
        if (count <= 0)
        {
            return 0;
        }

        int byWork = Math.Max(1, count / Math.Max(1, minItemsPerRange));
        return Math.Min(byWork, MaxDegreeOfParallelism);
    }

    /// <summary>Range <paramref name="index"/> of <paramref name="rangeCount"/> near-equal contiguous ranges over <c>[0, count)</c>.</summary>
    public static (int Start, int End) Range(int index, int rangeCount, int count) =>
        ((int)((long)index * count / rangeCount), (int)((long)(index + 1) * count / rangeCount));

    /// <summary>
    /// Runs <paramref name="body"/>(start, end) over <see cref="RangeCount"/> contiguous ranges covering
    /// <c>[0, count)</c>, in parallel when there is more than one; returns when all are done.
    /// </summary>
    /// <param name="count">Number of items (non-negative).</param>
    /// <param name="minItemsPerRange">Smallest range worth a thread of its own: below it, parallel overhead dominates.</param>
    /// <param name="body">Work on items <c>[start, end)</c>; called once per range.</param>
    public static void ForRanges(int count, int minItemsPerRange, Action<int, int> body)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(body);
        int ranges = RangeCount(count, minItemsPerRange);
        if (ranges <= 1)
        {
            if (count > 0)
            {
                body(0, count);
            }

            return;
        }

        RunRanges(count, ranges, body);
    }

    /// <summary>
    /// Runs <paramref name="body"/>(rangeIndex, start, end) over exactly <paramref name="rangeCount"/> contiguous
    /// ranges covering <c>[0, count)</c>, using up to <see cref="MaxDegreeOfParallelism"/> threads. The ranges do
    /// not depend on the thread setting, so per-range partial results (reductions) are reproducible everywhere.
    /// </summary>
    public static void ForFixedRanges(int count, int rangeCount, Action<int, int, int> body)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(rangeCount, 1);
        ArgumentNullException.ThrowIfNull(body);
        int threads = Math.Min(rangeCount, MaxDegreeOfParallelism);
        if (threads <= 1)
        {
            for (int r = 0; r < rangeCount; r++)
            {
                var (start, end) = Range(r, rangeCount, count);
                body(r, start, end);
            }

            return;
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
        Parallel.For(0, rangeCount, options, r =>
        {
            var (start, end) = Range(r, rangeCount, count);
            body(r, start, end);
        });
    }

    private static void RunRanges(int count, int ranges, Action<int, int> body)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = ranges };
        Parallel.For(0, ranges, options, r =>
        {
            var (start, end) = Range(r, ranges, count);
            body(start, end);
        });
    }
}
