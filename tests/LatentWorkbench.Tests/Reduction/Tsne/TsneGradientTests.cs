using LatentWorkbench.Kernels;
using LatentWorkbench.Reduction.Tsne;

namespace LatentWorkbench.Tests.Reduction.Tsne;

/// <summary>The t-SNE objective: exact gradient against finite differences, Barnes–Hut against exact.</summary>
public sealed class TsneGradientTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Exact_Gradient_Matches_Central_Differences(int dims)
    {
        var p = TsneAffinities.Compute(ReducerFactories.Blobs(rows: 40, cols: 5, seed: 11), perplexity: 8);
        double[] y = RandomPoints(40 * dims, scale: 2, seed: dims);
        var gradient = new double[y.Length];
        TsneObjective.Exact(p, y, dims, exaggeration: 1, gradient);
        const double h = 1e-6;
        var scratch = new double[y.Length];
        double maxError = 0, maxGradient = 0;
        for (int t = 0; t < y.Length; t++)
        {
            double saved = y[t];
            y[t] = saved + h;
            double plus = TsneObjective.Exact(p, y, dims, 1, scratch);
            y[t] = saved - h;
            double minus = TsneObjective.Exact(p, y, dims, 1, scratch);
            y[t] = saved;
            maxError = Math.Max(maxError, Math.Abs(((plus - minus) / (2 * h)) - gradient[t]));
            maxGradient = Math.Max(maxGradient, Math.Abs(gradient[t]));
        }

        Assert.True(maxError <= 1e-6 * Math.Max(1, maxGradient), $"max |fd − analytic| = {maxError:E2}, max |g| = {maxGradient:E2}");
    }

    [Fact]
    public void Barnes_Hut_With_Theta_Zero_Equals_Exact()
    {
        var (p, y) = Problem(rows: 300);
        var exact = new double[y.Length];
        var fast = new double[y.Length];
        double klExact = TsneObjective.Exact(p, y, 2, exaggeration: 4, exact);
        double klFast = TsneObjective.BarnesHut(p, y, exaggeration: 4, theta: 0, fast, computeKl: true);
        Assert.Equal(klExact, klFast, 9);
        Assert.True(RelativeError(fast, exact) < 1e-10);
    }

    [Fact]
    public void Barnes_Hut_With_Theta_Half_Is_Within_Two_Percent_Of_Exact()
    {
        // Stated tolerance: θ = 0.5 gives a gradient within 2% (relative L2) and a KL within 0.5% of the exact values.
        var (p, y) = Problem(rows: 1200);
        var exact = new double[y.Length];
        var fast = new double[y.Length];
        double klExact = TsneObjective.Exact(p, y, 2, exaggeration: 1, exact);
        double klFast = TsneObjective.BarnesHut(p, y, exaggeration: 1, theta: 0.5, fast, computeKl: true);
        double error = RelativeError(fast, exact);
        Assert.True(error < 0.02, $"relative gradient error {error:E3}");
        Assert.InRange(klFast / klExact, 0.995, 1.005);
    }

    [Fact]
    public void Barnes_Hut_Handles_Coincident_Points()
    {
        var y = new double[2 * 50]; // all points at the origin: the tree must stop at its depth limit
        var force = new double[y.Length];
        double z = TsneBarnesHut.Repulsion(y, 0.5, force);
        Assert.Equal(50.0 * 49, z, 9);
        Assert.All(force, f => Assert.Equal(0.0, f));
    }

    private static (TsneAffinities P, double[] Y) Problem(int rows)
    {
        var data = ReducerFactories.Blobs(rows: rows, cols: 10, classes: 6, seed: 21);
        var p = TsneAffinities.Compute(data, perplexity: 20);
        // A spread-out embedding like a mid-run t-SNE: clusters tens of units apart.
        var y = RandomPoints(rows * 2, scale: 15, seed: 5);
        for (int i = 0; i < rows; i++)
        {
            y[2 * i] += 20 * (i % 6);
        }

        return (p, y);
    }

    private static double[] RandomPoints(int length, double scale, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length).Select(_ => scale * ReducerFactories.Normal(random)).ToArray();
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
