using LatentWorkbench.Reduction.Umap;

namespace LatentWorkbench.Tests.Reduction;

public sealed class UmapCurveTests
{
    [Fact]
    public void Fit_Matches_UmapLearn_For_The_Default_MinDist_And_Spread()
    {
        var (a, b) = UmapCurve.Fit(spread: 1.0, minDist: 0.1);
        // umap-learn 0.5 find_ab_params(1.0, 0.1) = (1.5769, 0.8951).
        Assert.Equal(1.577, a, 0.001);
        Assert.Equal(0.895, b, 0.001);
    }

    [Theory]
    [InlineData(1.0, 0.0)]
    [InlineData(1.0, 0.5)]
    [InlineData(2.0, 0.25)]
    public void Fit_Is_A_Least_Squares_Minimum_Of_The_Target_Curve(double spread, double minDist)
    {
        var (a, b) = UmapCurve.Fit(spread, minDist);
        double best = Cost(spread, minDist, a, b);
        foreach (var (da, db) in new[] { (1e-3, 0.0), (-1e-3, 0.0), (0.0, 1e-3), (0.0, -1e-3) })
        {
            Assert.True(Cost(spread, minDist, a + da, b + db) > best, $"({a + da}, {b + db}) fits better than ({a}, {b})");
        }
    }

    [Fact]
    public void Smaller_MinDist_Gives_A_Steeper_Curve()
    {
        var tight = UmapCurve.Fit(1.0, 0.01);
        var loose = UmapCurve.Fit(1.0, 0.8);
        Assert.True(tight.A > loose.A, $"a at min_dist 0.01 ({tight.A}) should exceed a at 0.8 ({loose.A})");
    }

    [Fact]
    public void Fit_Rejects_MinDist_Above_Spread()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => UmapCurve.Fit(1.0, 1.5));
        Assert.Equal("minDist", error.ParamName);
    }

    private static double Cost(double spread, double minDist, double a, double b)
    {
        double sum = 0;
        for (int i = 0; i < 300; i++)
        {
            double x = 3 * spread * i / 299, target = x < minDist ? 1 : Math.Exp(-(x - minDist) / spread);
            double r = (1 / (1 + (a * Math.Pow(x, 2 * b)))) - target;
            sum += r * r;
        }

        return sum;
    }
}
