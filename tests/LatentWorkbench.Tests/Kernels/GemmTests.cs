using LatentWorkbench.Kernels;

namespace LatentWorkbench.Tests.Kernels;

public class GemmTests
{
    /// <summary>Sizes at and around every vector width (8, 16), tile size (Mr 4/6/8/12, Nr 4/12/16/32) and block size (Mc 96, Kc 384, Nc 512).</summary>
    private static readonly int[] EdgeSizes = [1, 2, 3, 5, 6, 7, 8, 9, 11, 12, 13, 15, 16, 17, 24, 31, 32, 33, 47, 64, 95, 96, 97, 255, 256, 257, 383, 384, 385, 511, 512, 513];

    public static TheoryData<string, bool, bool> PathsAndTransposes()
    {
        var data = new TheoryData<string, bool, bool>();
        foreach (string path in new[] { nameof(GemmPath.Scalar), nameof(GemmPath.Vector128), nameof(GemmPath.Vector256), nameof(GemmPath.Vector512), nameof(GemmPath.Vector512Narrow) })
        {
            foreach (bool transA in new[] { false, true })
            {
                foreach (bool transB in new[] { false, true })
                {
                    data.Add(path, transA, transB);
                }
            }
        }

        return data;
    }

    /// <summary>Shapes that sweep one dimension over <see cref="EdgeSizes"/> with awkward others, plus large ones spanning several blocks in each dimension.</summary>
    private static IEnumerable<(int M, int N, int K)> Shapes()
    {
        foreach (int size in EdgeSizes)
        {
            yield return (size, 35, 19);
            yield return (13, size, 21);
            yield return (11, 37, size);
        }

        yield return (1, 1, 1);
        yield return (1, 600, 3);
        yield return (600, 1, 3);
        yield return (200, 530, 300);
        yield return (230, 70, 600);
    }

    [SkippableTheory]
    [MemberData(nameof(PathsAndTransposes))]
    public void Sgemm_Matches_Float64_Reference_For_Every_Shape(string pathName, bool transA, bool transB)
    {
        var path = Enum.Parse<GemmPath>(pathName);
        if (!Gemm.IsSupported(path))
        {
            Assert.Throws<ArgumentException>(() => new GemmCase(2, 2, 2, transA, transB, 0).Run(path, 1, 1f, 0f));
        }

        Skip.IfNot(Gemm.IsSupported(path), $"this CPU has no {path} kernel (refusing it was checked); its results are not");

        int seed = 0;
        foreach (var (m, n, k) in Shapes())
        {
            var gemm = new GemmCase(m, n, k, transA, transB, seed++);
            gemm.AssertMatchesReference(gemm.Run(path, 2, 1f, 0f), 1f, 0f);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(PathsAndTransposes))]
    public void Sgemm_Applies_Alpha_And_Beta_With_Strided_Operands(string pathName, bool transA, bool transB)
    {
        var path = Enum.Parse<GemmPath>(pathName);
        Skip.IfNot(Gemm.IsSupported(path), $"this CPU has no {path} kernel");

        foreach (float alpha in new[] { 1f, -0.5f, 3f })
        {
            foreach (float beta in new[] { 0f, 1f, -1.5f })
            {
                // Padding 5 makes every row stride odd-sized and misaligned; k = 400 > Kc adds a second depth block.
                var gemm = new GemmCase(45, 71, 400, transA, transB, 7, padding: 5);
                gemm.AssertMatchesReference(gemm.Run(path, 3, alpha, beta), alpha, beta);
            }
        }
    }

    [SkippableTheory]
    [InlineData(nameof(GemmPath.Scalar))]
    [InlineData(nameof(GemmPath.Vector128))]
    [InlineData(nameof(GemmPath.Vector256))]
    [InlineData(nameof(GemmPath.Vector512))]
    [InlineData(nameof(GemmPath.Vector512Narrow))]
    [InlineData(nameof(GemmPath.Auto))]
    public void Sgemm_With_Beta_Zero_Overwrites_NaN_In_C(string pathName)
    {
        var path = Enum.Parse<GemmPath>(pathName);
        Skip.IfNot(Gemm.IsSupported(path), $"this CPU has no {path} kernel");

        var gemm = new GemmCase(50, 70, 300, false, true, 3);
        float[] garbage = Enumerable.Repeat(float.NaN, gemm.C.Length).ToArray();
        float[] c = gemm.Run(path, 2, 1f, 0f, garbage);
        for (int i = 0; i < c.Length; i++)
        {
            Assert.False(float.IsNaN(c[i]), $"C[{i}] is NaN after beta = 0");
        }

        var clean = new GemmCase(50, 70, 300, false, true, 3);
        Assert.Equal(clean.Run(path, 2, 1f, 0f), c);
    }

    [Fact]
    public void Sgemm_With_Zero_Depth_Or_Alpha_Only_Scales_C_And_Reads_No_Operand()
    {
        var gemm = new GemmCase(9, 5, 4, false, false, 11);
        float[] nanA = Enumerable.Repeat(float.NaN, gemm.A.Length).ToArray();
        float[] c = (float[])gemm.C.Clone();
        Gemm.Sgemm(false, false, 9, 5, 4, 0f, nanA, gemm.Lda, gemm.B, gemm.Ldb, 2f, c, gemm.Ldc);
        Assert.Equal(gemm.C.Select(v => v * 2f), c);

        float[] zeroDepth = Enumerable.Repeat(float.NaN, 9 * 5).ToArray();
        Gemm.Sgemm(false, false, 9, 5, 0, 1f, [], 0, [], 5, 0f, zeroDepth, 5);
        Assert.All(zeroDepth, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Sgemm_Is_Bitwise_Deterministic_Across_Calls_And_Thread_Counts()
    {
        // Large enough for every thread count to get its own region grid (several blocks in every dimension).
        var gemm = new GemmCase(517, 389, 700, true, false, 5);
        float[] first = gemm.Run(GemmPath.Auto, 1, 0.75f, 0.25f);
        foreach (int threads in new[] { 1, 2, 3, 4, 7, 16 })
        {
            for (int repeat = 0; repeat < 2; repeat++)
            {
                float[] again = gemm.Run(GemmPath.Auto, threads, 0.75f, 0.25f);
                Assert.True(first.AsSpan().SequenceEqual(again), $"threads={threads} repeat={repeat} changed the result");
            }
        }
    }

    [SkippableFact]
    public void Twelve_And_Eight_Row_Avx512_Tiles_Give_Bitwise_Identical_Results()
    {
        // Auto picks either tile by shape, so they must compute every element the same way.
        Skip.IfNot(Gemm.IsSupported(GemmPath.Vector512), "this CPU has no AVX-512");

        var gemm = new GemmCase(131, 77, 800, false, true, 8);
        Assert.Equal(gemm.Run(GemmPath.Vector512, 2, 1.5f, -0.5f), gemm.Run(GemmPath.Vector512Narrow, 3, 1.5f, -0.5f));
    }

    [SkippableTheory]
    [InlineData(128, 400, 784, 1)]
    [InlineData(128, 400, 784, 2)]
    [InlineData(36, 36, 36, 2)]
    public void Auto_Picks_The_Avx512_Tile_That_Pads_Least(int m, int n, int k, int threads)
    {
        Skip.IfNot(Gemm.BestPath == GemmPath.Vector512, $"this CPU's best kernel is {Gemm.BestPath}, not AVX-512");

        // 128 rows: 16 panels of 8 (no padding) beat 11 panels of 12 (132 rows); 36 rows: 3 panels of 12 beat 5 of 8.
        var expected = m % 12 == 0 && m % 8 != 0 ? GemmPath.Vector512 : GemmPath.Vector512Narrow;
        Assert.Equal(expected, Gemm.Resolve(GemmPath.Auto, m, n, k, threads));
    }

    [Fact]
    public void Concurrent_Calls_From_Several_Threads_Do_Not_Share_Pack_Buffers()
    {
        var cases = Enumerable.Range(0, 6).Select(i => new GemmCase(90 + (i * 37), 70 + (i * 29), 300 + (i * 50), i % 2 == 0, i % 3 == 0, 20 + i)).ToArray();
        float[][] serial = cases.Select(g => g.Run(GemmPath.Auto, 1, 1f, 0f)).ToArray();
        for (int round = 0; round < 3; round++)
        {
            float[][] concurrent = new float[cases.Length][];
            Parallel.For(0, cases.Length, new ParallelOptions { MaxDegreeOfParallelism = cases.Length }, i => concurrent[i] = cases[i].Run(GemmPath.Auto, 2, 1f, 0f));
            for (int i = 0; i < cases.Length; i++)
            {
                Assert.True(serial[i].AsSpan().SequenceEqual(concurrent[i]), $"{cases[i]} differs when run concurrently");
            }
        }
    }

    [Fact]
    public void Public_Sgemm_Matches_Reference_With_The_Best_Path()
    {
        var gemm = new GemmCase(128, 400, 784, false, true, 9);
        float[] c = (float[])gemm.C.Clone();
        Gemm.Sgemm(false, true, gemm.M, gemm.N, gemm.K, 1f, gemm.A, gemm.Lda, gemm.B, gemm.Ldb, 0f, c, gemm.Ldc);
        gemm.AssertMatchesReference(c, 1f, 0f);
    }

    [Fact]
    public void Sgemm_Rejects_Operands_That_Do_Not_Fit_Naming_The_Parameter()
    {
        float[] a = new float[6], b = new float[6], c = new float[4];
        Assert.Equal("a", Assert.Throws<ArgumentException>(() => Gemm.Sgemm(false, false, 2, 2, 3, 1f, a.AsSpan(0, 5), 3, b, 2, 0f, c, 2)).ParamName);
        Assert.Equal("b", Assert.Throws<ArgumentException>(() => Gemm.Sgemm(false, true, 2, 2, 3, 1f, a, 3, b.AsSpan(0, 4), 3, 0f, c, 2)).ParamName);
        Assert.Equal("c", Assert.Throws<ArgumentException>(() => Gemm.Sgemm(false, false, 2, 2, 3, 1f, a, 3, b, 2, 0f, c.AsSpan(0, 3), 2)).ParamName);
        Assert.Equal("lda", Assert.Throws<ArgumentOutOfRangeException>(() => Gemm.Sgemm(false, false, 2, 2, 3, 1f, a, 2, b, 2, 0f, c, 2)).ParamName);
        Assert.Equal("ldc", Assert.Throws<ArgumentOutOfRangeException>(() => Gemm.Sgemm(false, false, 2, 2, 3, 1f, a, 3, b, 2, 0f, c, 1)).ParamName);
        Assert.Equal("m", Assert.Throws<ArgumentOutOfRangeException>(() => Gemm.Sgemm(false, false, -1, 2, 3, 1f, a, 3, b, 2, 0f, c, 2)).ParamName);
    }

    [Fact]
    public void Steady_State_Call_Allocates_Nothing_On_One_Thread_And_Little_On_Several()
    {
        var gemm = new GemmCase(128, 400, 784, false, true, 2);
        float[] c = new float[gemm.M * gemm.Ldc];
        void Call(int threads) => Gemm.Sgemm(GemmPath.Auto, threads, false, true, gemm.M, gemm.N, gemm.K, 1f, gemm.A, gemm.Lda, gemm.B, gemm.Ldb, 0f, c, gemm.Ldc);
        Call(1);
        Call(2);

        // Minimum over a few tries: a one-off allocation by the runtime (tiered JIT promoting a method) is not the kernel's.
        long Allocated(int threads)
        {
            long least = long.MaxValue;
            for (int attempt = 0; attempt < 5; attempt++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                Call(threads);
                least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
            }

            return least;
        }

        Assert.Equal(0, Allocated(1));
        long perCall = Allocated(2);
        Assert.True(perCall < 2048, $"a parallel call allocated {perCall} bytes on the calling thread");
    }

    [Theory]
    [InlineData(128, 20, 400, 1)]
    [InlineData(64, 64, 64, 1)]
    [InlineData(1024, 1024, 1024, 2)]
    [InlineData(128, 400, 784, 2)]
    public void Grid_Keeps_Small_Products_On_One_Thread_And_Splits_Large_Ones(int m, int n, int k, int expectedRegions)
    {
        var (rows, cols, _) = GemmDriver.ChooseGrid(m, n, k, 12, 32, 2);
        Assert.Equal(expectedRegions, rows * cols);
    }
}
