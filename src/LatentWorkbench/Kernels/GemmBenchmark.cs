using System.Diagnostics;

namespace LatentWorkbench.Kernels;

/// <summary>Times <see cref="Gemm.Sgemm(bool, bool, int, int, int, float, ReadOnlySpan{float}, int, ReadOnlySpan{float}, int, float, Span{float}, int)"/> on a shape.</summary>
internal static class GemmBenchmark
{
    /// <summary>
    /// Median seconds per product over <paramref name="reps"/> timed batches, after a warm-up batch; each batch
    /// repeats the product until it lasts at least <paramref name="minBatchSeconds"/> so timer resolution and
    /// call overhead of small shapes are amortized. Operands are uniform [0, 1) from a fixed seed.
    /// </summary>
    public static double MedianSeconds(GemmShape shape, int maxThreads, int reps, double minBatchSeconds = 0.05, GemmPath path = GemmPath.Auto)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(reps, 1);
        var random = new Random(0);
        float[] a = Fill(random, shape.M * shape.K), b = Fill(random, shape.K * shape.N), c = new float[shape.M * shape.N];
        int lda = shape.TransA ? shape.M : shape.K, ldb = shape.TransB ? shape.K : shape.N;
        void Once() => Gemm.Sgemm(path, maxThreads, shape.TransA, shape.TransB, shape.M, shape.N, shape.K, 1f, a, lda, b, ldb, 0f, c, shape.N);

        // Warm-up: JIT tiers, pack buffers, thread-pool threads; also finds how many calls fill a batch.
        Once();
        var clock = Stopwatch.StartNew();
        int calls = 0;
        while (clock.Elapsed.TotalSeconds < minBatchSeconds)
        {
            Once();
            calls++;
        }

        var samples = new double[reps];
        for (int r = 0; r < reps; r++)
        {
            clock.Restart();
            for (int i = 0; i < calls; i++)
            {
                Once();
            }

            samples[r] = clock.Elapsed.TotalSeconds / calls;
        }

        Array.Sort(samples);
        return samples[reps / 2];
    }

    private static float[] Fill(Random random, int count)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = random.NextSingle();
        }

        return values;
    }
}
