using LatentWorkbench.Metrics.Collapse;
using TorchSharp;

namespace LatentWorkbench.Tests.Metrics.Collapse;

public sealed class FrechetDistanceTests
{
    [Fact]
    public void Diagonal_Gaussians_Have_The_Closed_Form_Distance()
    {
        using var scope = torch.NewDisposeScope();
        // d² = ‖μ₁ − μ₂‖² + Σᵢ (√aᵢ − √bᵢ)² for diagonal covariances a, b: (1 + 4) + (1 − 2)² + (3 − 1)² = 10.
        var d = FrechetDistance.FromMoments(
            torch.tensor(new double[] { 0, 0 }), torch.diag(torch.tensor(new double[] { 1, 9 })),
            torch.tensor(new double[] { 1, 2 }), torch.diag(torch.tensor(new double[] { 4, 1 })));
        Assert.Equal(10, d, 9);
    }

    [Fact]
    public void Identical_Gaussians_Are_At_Distance_Zero_Even_With_Correlations()
    {
        using var scope = torch.NewDisposeScope();
        var covariance = torch.tensor(new double[] { 2, 0.8, 0.3, 0.8, 1, 0.1, 0.3, 0.1, 0.5 }).reshape(3, 3);
        var mean = torch.tensor(new double[] { 1, -1, 2 });
        Assert.Equal(0, FrechetDistance.FromMoments(mean, covariance, mean, covariance), 9);
    }

    [Fact]
    public void A_Rotated_Covariance_Matches_The_Two_Dimensional_Formula()
    {
        using var scope = torch.NewDisposeScope();
        // Σ₁ = diag(4, 1) and Σ₂ = its 90° rotation diag(1, 4): Tr(Σ₁Σ₂)^½ = 2 + 2, so d² = 5 + 5 − 8 = 2.
        var d = FrechetDistance.FromMoments(
            torch.zeros(2, dtype: torch.float64), torch.diag(torch.tensor(new double[] { 4, 1 })),
            torch.zeros(2, dtype: torch.float64), torch.diag(torch.tensor(new double[] { 1, 4 })));
        Assert.Equal(2, d, 9);
    }

    [Fact]
    public void Sampled_Features_Estimate_The_Distance_Of_Their_Gaussians()
    {
        using var scope = torch.NewDisposeScope();
        using var generator = new torch.Generator(11);
        // N(0, I) against N((3, 0, 0), 4I) in 3-D: d² = 9 + 3·(1 − 2)² = 12.
        var first = torch.randn([20000, 3], dtype: torch.float64, generator: generator);
        var second = (torch.randn([20000, 3], dtype: torch.float64, generator: generator) * 2) + torch.tensor(new double[] { 3, 0, 0 });
        Assert.Equal(12, FrechetDistance.FromFeatures(first, second), 0);
        Assert.InRange(FrechetDistance.FromFeatures(first, second), 11.7, 12.3);
    }

    [Fact]
    public void Feature_Sets_Of_Different_Width_Or_With_One_Row_Are_Rejected()
    {
        using var scope = torch.NewDisposeScope();
        Assert.Throws<ArgumentException>("second", () => FrechetDistance.FromFeatures(torch.zeros([5, 2]), torch.zeros([5, 3])));
        Assert.Throws<ArgumentException>("first", () => FrechetDistance.FromFeatures(torch.zeros([1, 2]), torch.zeros([5, 2])));
    }
}
