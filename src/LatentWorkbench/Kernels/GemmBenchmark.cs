using System.Diagnostics;

namespace LatentWorkbench.Kernels;

/// <summary>One GEMM shape to time: C(m×n) = op(A)(m×k) · op(B)(k×n).</summary>
/// <param name="Name">Label shown in tables (e.g. "1024³" or "fc1 forward").</param>
/// <param name="M">Rows of C.</param>
/// <param name="N">Columns of C.</param>
/// <param name="K">Depth.</param>
/// <param name="TransA">Whether A is stored k×m.</param>
/// <param name="TransB">Whether B is stored n×k.</param>
internal sealed record GemmShape(string Name, int M, int N, int K, bool TransA, bool TransB)
{
    /// <summary>Floating-point operations of one product: 2·m·n·k.</summary>
    public double Flops => 2.0 * M * N * K;

    /// <summary>A square n×n×n product.</summary>
    public static GemmShape Square(int size) => new($"{size}³", size, size, size, false, false);

    /// <summary>
    /// The seed VAE's products at batch 128 (PyTorch Linear: y = x·Wᵀ with W stored out×in): for each layer
    /// the forward x·Wᵀ, the input gradient dy·W and the weight gradient dyᵀ·x.
    /// </summary>
    public static IReadOnlyList<GemmShape> VaeLayers(int batch = 128)
    {
        var layers = new (string Name, int In, int Out)[] { ("fc1 784→400", 784, 400), ("fc21 400→20", 400, 20), ("fc3 20→400", 20, 400), ("fc4 400→784", 400, 784) };
        var shapes = new List<GemmShape>();
        foreach (var (name, inputs, outputs) in layers)
        {
            shapes.Add(new GemmShape($"{name} x·Wᵀ", batch, outputs, inputs, false, true));
            shapes.Add(new GemmShape($"{name} dy·W", batch, inputs, outputs, false, false));
            shapes.Add(new GemmShape($"{name} dyᵀ·x", outputs, inputs, batch, true, false));
        }

        return shapes;
    }
}

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
