using LatentWorkbench.Kernels;
using LatentWorkbench.Tensors;

namespace LatentWorkbench.Tests.Kernels;

/// <summary>Vectorized kernels against scalar references at empty, single, tail, vector-width and large lengths.</summary>
public sealed class TensorKernelsTests
{
    public static TheoryData<int> Lengths() => [0, 1, 3, 7, 8, 9, 15, 16, 17, 31, 33, 64, 1000, 100_003];

    private static float[] Random(int length, ulong seed, float low = -2f, float high = 2f)
    {
        var values = new float[length];
        new TensorRandom(seed).FillUniform(values, low, high);
        return values;
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Relu_Backward_Matches_The_Scalar_Rule(int length)
    {
        float[] x = Random(length, 1), gy = Random(length, 2), gx = Random(length, 3);
        var y = new float[length];
        var expected = (float[])gx.Clone();
        for (int i = 0; i < length; i++)
        {
            expected[i] += x[i] > 0 ? gy[i] : 0f;
        }

        TensorKernels.Unary(UnaryKind.Relu, x, y, 0, 0);
        TensorKernels.UnaryBackward(UnaryKind.Relu, x, y, gy, gx, 0, 0);
        Assert.Equal(expected, gx);
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Adam_Vector_Lanes_And_Tail_Match_The_Scalar_Formula(int length)
    {
        float[] p = Random(length, 1), g = Random(length, 2), m = Random(length, 3, -0.1f, 0.1f), v = Random(length, 4, 0f, 0.1f);
        float[] ep = (float[])p.Clone(), em = (float[])m.Clone(), ev = (float[])v.Clone();
        for (int i = 0; i < length; i++)
        {
            double gi = g[i] + (0.01 * ep[i]);
            em[i] = (float)((0.9 * em[i]) + (0.1 * gi));
            ev[i] = (float)((0.999 * ev[i]) + (0.001 * gi * gi));
            ep[i] = (float)(ep[i] - (1e-3 / 0.1 * em[i] / ((Math.Sqrt(ev[i]) / Math.Sqrt(0.001)) + 1e-8)));
        }

        TensorKernels.AdamUpdateParallel(p, g, m, v, 1e-3f, 0.9f, 0.999f, 1e-8f, 0.1f, 0.001f, 0.01f, 0f);
        for (int i = 0; i < length; i++)
        {
            Assert.Equal(ep[i], p[i], 1e-4f * (1 + Math.Abs(ep[i])));
            Assert.Equal(em[i], m[i], 1e-6f);
        }
    }

    [Fact]
    public void Parallel_Kernels_Give_The_Same_Bits_For_Any_Thread_Count()
    {
        int length = (5 * FixedPartition.PartSize) + 77;
        float[] x = Random(length, 5, -6f, 6f), t = Random(length, 6, 0f, 1f);
        int original = ComputeThreads.Count;
        try
        {
            ComputeThreads.Count = 1;
            double sumOne = TensorKernels.BceWithLogitsSumParallel(x, t);
            var gradOne = new float[length];
            TensorKernels.BceWithLogitsBackwardParallel(x, t, 0.5f, gradOne);
            ComputeThreads.Count = 2;
            double sumTwo = TensorKernels.BceWithLogitsSumParallel(x, t);
            var gradTwo = new float[length];
            TensorKernels.BceWithLogitsBackwardParallel(x, t, 0.5f, gradTwo);
            Assert.Equal(BitConverter.DoubleToInt64Bits(sumOne), BitConverter.DoubleToInt64Bits(sumTwo));
            Assert.Equal(gradOne, gradTwo);

            double reference = 0;
            for (int i = 0; i < length; i++)
            {
                reference += Math.Max(x[i], 0) - ((double)x[i] * t[i]) + Math.Log(1 + Math.Exp(-Math.Abs(x[i])));
            }

            Assert.Equal(reference, sumTwo, reference * 1e-6);
        }
        finally
        {
            ComputeThreads.Count = original;
        }
    }
}
