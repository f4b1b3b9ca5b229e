using LatentWorkbench.Kernels;

namespace LatentWorkbench.Tests.Kernels;

/// <summary>Test operands for <see cref="Gemm"/> and a float64 naive reference with a rounding-error bound.</summary>
internal sealed class GemmCase
{
    public GemmCase(int m, int n, int k, bool transA, bool transB, int seed, int padding = 0)
    {
        M = m;
        N = n;
        K = k;
        TransA = transA;
        TransB = transB;
        Lda = (transA ? m : k) + padding;
        Ldb = (transB ? k : n) + padding;
        Ldc = n + padding;
        var random = new Random(seed);
        A = Fill(random, transA ? k : m, Lda);
        B = Fill(random, transB ? n : k, Ldb);
        C = Fill(random, m, Ldc);
    }

    public int M { get; }

    public int N { get; }

    public int K { get; }

    public bool TransA { get; }

    public bool TransB { get; }

    public int Lda { get; }

    public int Ldb { get; }

    public int Ldc { get; }

    public float[] A { get; }

    public float[] B { get; }

    /// <summary>The initial C (tests copy it before calling Sgemm).</summary>
    public float[] C { get; }

    public override string ToString() => $"m={M} n={N} k={K} op={(TransA ? 'T' : 'N')}{(TransB ? 'T' : 'N')} ld=({Lda},{Ldb},{Ldc})";

    public float OpA(int i, int p) => TransA ? A[(p * Lda) + i] : A[(i * Lda) + p];

    public float OpB(int p, int j) => TransB ? B[(j * Ldb) + p] : B[(p * Ldb) + j];

    public float[] Run(GemmPath path, int threads, float alpha, float beta, float[]? initialC = null)
    {
        float[] c = (float[])(initialC ?? C).Clone();
        Gemm.Sgemm(path, threads, TransA, TransB, M, N, K, alpha, A, Lda, B, Ldb, beta, c, Ldc);
        return c;
    }

    /// <summary>
    /// Asserts every element of <paramref name="actual"/> is within the float32 accumulation bound of the
    /// float64 result: |c − ref| ≤ (k + 4)·2⁻²³·(|alpha|·Σ|a·b| + |beta·c0|) (twice the classical γₖ bound),
    /// and that the padding between rows (beyond column n) is untouched.
    /// </summary>
    public void AssertMatchesReference(float[] actual, float alpha, float beta, float[]? initialC = null)
    {
        float[] c0 = initialC ?? C;
        for (int i = 0; i < M; i++)
        {
            for (int j = 0; j < N; j++)
            {
                double sum = 0, magnitude = 0;
                for (int p = 0; p < K; p++)
                {
                    double product = (double)OpA(i, p) * OpB(p, j);
                    sum += product;
                    magnitude += Math.Abs(product);
                }

                double expected = alpha * sum, bound = Math.Abs(alpha) * magnitude;
                if (beta != 0f)
                {
                    expected += (double)beta * c0[(i * Ldc) + j];
                    bound += Math.Abs((double)beta * c0[(i * Ldc) + j]);
                }

                double got = actual[(i * Ldc) + j];
                double tolerance = (K + 4) * Math.Pow(2, -23) * bound;
                Assert.True(
                    Math.Abs(got - expected) <= tolerance,
                    $"{this} alpha={alpha} beta={beta}: C[{i},{j}] = {got}, expected {expected} ± {tolerance}");
            }

            for (int j = N; j < Ldc && (i * Ldc) + j < actual.Length; j++)
            {
                Assert.True(
                    BitConverter.SingleToInt32Bits(actual[(i * Ldc) + j]) == BitConverter.SingleToInt32Bits(c0[(i * Ldc) + j]),
                    $"{this}: padding C[{i},{j}] was overwritten");
            }
        }
    }

    /// <summary>Values in [-1, 1) laid out as rows×ld; the padding is random too, so reading it would show up in C.</summary>
    private static float[] Fill(Random random, int rows, int ld)
    {
        var values = new float[rows * ld];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (random.NextSingle() * 2f) - 1f;
        }

        return values;
    }
}
