using System.Diagnostics;

namespace LatentWorkbench.Kernels;

/// <summary>
/// Times <see cref="Gemm.Sgemm(bool, bool, int, int, int, float, ReadOnlySpan{float}, int, ReadOnlySpan{float}, int, float, Span{float}, int)"/>
/// on one shape in batches, so a caller can alternate its batches with a reference's and both see the same machine load.
/// </summary>
/// <remarks>
/// Operands are uniform [0, 1) from a fixed seed; C is overwritten (beta = 0). The constructor warms up
/// (JIT, pack buffers, pool threads) and calibrates a batch to last at least the given time, so timer
/// resolution and call overhead of small shapes are amortized.
/// </remarks>
internal sealed class GemmBenchmark
{
    private readonly GemmShape _shape;
    private readonly int _maxThreads;
    private readonly GemmPath _path;
    private readonly float[] _a;
    private readonly float[] _b;
    private readonly float[] _c;
    private readonly int _callsPerBatch;

    /// <summary>Prepares operands, warms up and calibrates the batch size.</summary>
    public GemmBenchmark(GemmShape shape, int maxThreads, GemmPath path = GemmPath.Auto, double minBatchSeconds = 0.05)
    {
        _shape = shape;
        _maxThreads = maxThreads;
        _path = path;
        var random = new Random(0);
        _a = Fill(random, shape.M * shape.K);
        _b = Fill(random, shape.K * shape.N);
        _c = new float[shape.M * shape.N];
        Once();
        var clock = Stopwatch.StartNew();
        int calls = 0;
        while (clock.Elapsed.TotalSeconds < minBatchSeconds)
        {
            Once();
            calls++;
        }

        _callsPerBatch = Math.Max(1, calls);
    }

    /// <summary>Runs one batch; returns the seconds per product.</summary>
    public double TimeBatch()
    {
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < _callsPerBatch; i++)
        {
            Once();
        }

        return clock.Elapsed.TotalSeconds / _callsPerBatch;
    }

    /// <summary>The median of a list of batch times.</summary>
    public static double Median(IReadOnlyList<double> samples)
    {
        ArgumentOutOfRangeException.ThrowIfZero(samples.Count);
        var sorted = samples.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private void Once()
    {
        int lda = _shape.TransA ? _shape.M : _shape.K, ldb = _shape.TransB ? _shape.K : _shape.N;
        Gemm.Sgemm(_path, _maxThreads, _shape.TransA, _shape.TransB, _shape.M, _shape.N, _shape.K, 1f, _a, lda, _b, ldb, 0f, _c, _shape.N);
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
