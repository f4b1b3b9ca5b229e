using LatentWorkbench.Kernels;

namespace LatentWorkbench.Tests.Reduction.Tsne;

/// <summary>The SIMD t-SNE kernels against plain scalar sums, at vector tails and group boundaries.</summary>
public sealed class TsneKernelTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(123)]
    public void Attraction_Row_Matches_Scalar_Sum(int nonZeros)
    {
        var random = new Random(nonZeros);
        int n = nonZeros + 1;
        double[] y = Enumerable.Range(0, 2 * n).Select(_ => 10 * ((2 * random.NextDouble()) - 1)).ToArray();
        int[] rowStart = [0, nonZeros, nonZeros];
        int[] columns = Enumerable.Range(1, nonZeros).OrderBy(_ => random.Next()).ToArray();
        double[] values = Enumerable.Range(0, nonZeros).Select(_ => random.NextDouble()).ToArray();

        TsneAttraction.Row2D(0, y, rowStart, columns, values, out double ax, out double ay);

        double ex = 0, ey = 0;
        for (int t = 0; t < nonZeros; t++)
        {
            int j = columns[t];
            double dx = y[0] - y[2 * j], dy = y[1] - y[(2 * j) + 1];
            double w = 1 / (1 + (dx * dx) + (dy * dy));
            ex += values[t] * w * dx;
            ey += values[t] * w * dy;
        }

        Assert.Equal(ex, ax, 1e-12 * Math.Max(1, Math.Abs(ex)));
        Assert.Equal(ey, ay, 1e-12 * Math.Max(1, Math.Abs(ey)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(TsneBarnesHut.GroupSize)]
    [InlineData(TsneBarnesHut.GroupSize + 1)]
    [InlineData(1000)]
    public void Repulsion_With_Theta_Zero_Matches_Pairwise_Sums(int n)
    {
        var random = new Random(n);
        double[] y = Enumerable.Range(0, 2 * n).Select(_ => 30 * random.NextDouble()).ToArray();
        var force = new double[y.Length];

        double z = TsneBarnesHut.Repulsion(y, theta: 0, force);

        double expectedZ = 0;
        for (int i = 0; i < n; i++)
        {
            double fx = 0, fy = 0;
            for (int j = 0; j < n; j++)
            {
                if (j == i)
                {
                    continue;
                }

                double dx = y[2 * i] - y[2 * j], dy = y[(2 * i) + 1] - y[(2 * j) + 1];
                double w = 1 / (1 + (dx * dx) + (dy * dy));
                expectedZ += w;
                fx += w * w * dx;
                fy += w * w * dy;
            }

            Assert.Equal(fx, force[2 * i], 1e-12);
            Assert.Equal(fy, force[(2 * i) + 1], 1e-12);
        }

        Assert.Equal(expectedZ, z, 1e-10 * Math.Max(1, expectedZ));
    }

    [Fact]
    public void Repulsion_Group_Walk_Is_At_Least_As_Accurate_As_Per_Point_Walk()
    {
        // The group criterion measures distance to the group's box, never farther than to the point itself, so it
        // summarizes no cell the per-point walk (group size 1) would open: its error should not be larger.
        var random = new Random(3);
        int n = 3000;
        double[] y = Enumerable.Range(0, 2 * n).Select(t => (20 * (t % 7)) + (3 * random.NextDouble())).ToArray();
        var exact = new double[y.Length];
        var grouped = new double[y.Length];
        var perPoint = new double[y.Length];
        TsneBarnesHut.Repulsion(y, theta: 0, exact);
        double zGrouped = TsneBarnesHut.Repulsion(QuadTree.Build(y), y, 0.5, grouped);
        double zPerPoint = TsneBarnesHut.Repulsion(QuadTree.Build(y), y, 0.5, perPoint, groupSize: 1);
        double groupedError = RelativeError(grouped, exact), perPointError = RelativeError(perPoint, exact);
        Assert.True(perPointError > 0, "θ = 0.5 should approximate something on this layout");
        Assert.True(groupedError <= perPointError, $"grouped {groupedError:E3} vs per-point {perPointError:E3}");
        Assert.True(groupedError < 0.02, $"grouped relative error {groupedError:E3}");
        Assert.InRange(zGrouped / zPerPoint, 0.99, 1.01);
    }

    [Fact]
    public void Rebuilt_Tree_Gives_The_Same_Forces_As_A_New_Tree()
    {
        // t-SNE rebuilds one tree every iteration; a reused tree must hold no trace of the previous layout.
        var random = new Random(5);
        int n = 2000;
        double[] first = Enumerable.Range(0, 2 * n).Select(_ => 50 * random.NextDouble()).ToArray();
        double[] second = Enumerable.Range(0, 2 * n).Select(t => (10 * (t % 5)) + random.NextDouble()).ToArray();
        var reused = new QuadTree(n).Rebuild(first);
        var warmUp = new double[first.Length];
        TsneBarnesHut.Repulsion(reused, first, 0.5, warmUp);

        var fromReused = new double[second.Length];
        var fromNew = new double[second.Length];
        double zReused = TsneBarnesHut.Repulsion(reused.Rebuild(second), second, 0.5, fromReused);
        double zNew = TsneBarnesHut.Repulsion(QuadTree.Build(second), second, 0.5, fromNew);

        Assert.Equal(zNew, zReused);
        Assert.Equal(fromNew, fromReused);
        Assert.Throws<ArgumentException>(() => reused.Rebuild(new double[2 * (n + 1)]));
    }

    private static double RelativeError(double[] actual, double[] expected)
    {
        double diff = 0, norm = 0;
        for (int i = 0; i < actual.Length; i++)
        {
            diff += Math.Pow(actual[i] - expected[i], 2);
            norm += expected[i] * expected[i];
        }

        return Math.Sqrt(diff / norm);
    }
}
