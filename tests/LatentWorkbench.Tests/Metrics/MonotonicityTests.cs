using LatentWorkbench.Metrics;

namespace LatentWorkbench.Tests.Metrics;

public sealed class MonotonicityTests
{
    [Fact]
    public void Spearman_Is_One_For_Any_Rising_Sequence_And_Minus_One_For_A_Falling_One()
    {
        Assert.Equal(1, Monotonicity.SpearmanAlongPath([0.1, 5, 5.2, 100]), 12);
        Assert.Equal(-1, Monotonicity.SpearmanAlongPath([3, 2, 1, -7]), 12);
    }

    [Fact]
    public void Spearman_Matches_A_Hand_Computed_Value_With_Ties()
    {
        // Ranks of y = [1, 3, 2, 2] are [0, 3, 1.5, 1.5]; against x ranks [0, 1, 2, 3]: ρ = 1.5 / √(5 · 4.5).
        Assert.Equal(1.5 / Math.Sqrt(5 * 4.5), Monotonicity.SpearmanAlongPath([1, 3, 2, 2]), 12);
        Assert.True(double.IsNaN(Monotonicity.SpearmanAlongPath([4, 4, 4])));
    }

    [Fact]
    public void The_Fraction_Of_Rising_Steps_Counts_Strict_Rises()
    {
        Assert.Equal(0.5, Monotonicity.FractionRisingSteps([1, 2, 2, 3, 1]));
        Assert.Throws<ArgumentException>(() => Monotonicity.FractionRisingSteps([1]));
        Assert.Throws<ArgumentException>(() => Monotonicity.Spearman([1, 2], [1]));
    }
}
