namespace LatentWorkbench.Kernels;

/// <summary>
/// Runs a kernel over [0, length) cut into parts of a fixed size (independent of the thread count and of
/// scheduling), up to <see cref="ComputeThreads.Count"/> at a time. Elementwise kernels give identical results
/// however the parts are scheduled; reductions store one partial per part and add them in part order.
/// </summary>
internal static class FixedPartition
{
    /// <summary>Elements per part: large enough that threading pays, a multiple of every vector width.</summary>
    public const int PartSize = 32 * 1024;

    /// <summary>How many parts <paramref name="length"/> elements are cut into.</summary>
    public static int PartCount(int length) => Math.Max(1, (length + PartSize - 1) / PartSize);

    /// <summary>Calls <paramref name="body"/>(part, start, count) for every part, in parallel when there are several.</summary>
    public static void Run(int length, Action<int, int, int> body)
    {
        int parts = PartCount(length);
        if (parts == 1 || ComputeThreads.Count == 1)
        {
            for (int part = 0; part < parts; part++)
            {
                body(part, part * PartSize, Math.Min(PartSize, length - (part * PartSize)));
            }

            return;
        }

        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = ComputeThreads.Count }, part =>
            body(part, part * PartSize, Math.Min(PartSize, length - (part * PartSize))));
    }
}
