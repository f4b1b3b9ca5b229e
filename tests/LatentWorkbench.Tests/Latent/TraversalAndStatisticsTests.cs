using LatentWorkbench.Compute;
using LatentWorkbench.Latent;
using TorchSharp;

namespace LatentWorkbench.Tests.Latent;

public sealed class TraversalAndStatisticsTests
{
    public TraversalAndStatisticsTests() => TorchRuntime.EnsureInitialized();

    [Fact]
    public void A_Dimension_Traversal_Moves_Only_That_Dimension_In_Steps_Of_The_Unit()
    {
        using var origin = torch.tensor(new float[] { 1, 2, 3 });
        using var path = Traversal.OfDimension(origin, 1, [-2, 0, 2], unit: 0.5);
        Assert.Equal([3L, 3], path.shape);
        Assert.Equal([1f, 1, 3], path[0].data<float>().ToArray());
        Assert.Equal([1f, 2, 3], path[1].data<float>().ToArray());
        Assert.Equal([1f, 3, 3], path[2].data<float>().ToArray());
        Assert.Equal("dimension", Assert.Throws<ArgumentOutOfRangeException>(() => Traversal.OfDimension(origin, 3, [1])).ParamName);
    }

    [Fact]
    public void A_Direction_Traversal_Adds_Multiples_Of_The_Direction()
    {
        using var origin = torch.zeros(2);
        using var direction = torch.tensor(new float[] { 3, 4 });
        using var path = Traversal.Along(origin, direction, [1, -1], unit: 2);
        Assert.Equal([6f, 8], path[0].data<float>().ToArray());
        Assert.Equal([-6f, -8], path[1].data<float>().ToArray());
    }

    [Fact]
    public void Statistics_Give_Each_Dimensions_Spread_And_The_Spread_Along_A_Direction()
    {
        // Dimension 0 takes ±1, dimension 1 ±3, independently: std along (1, 1)/√2 is √((1 + 9)/2) (population),
        // times the sample correction √(n/(n − 1)).
        using var codes = torch.tensor(new float[] { 1, 3, 1, -3, -1, 3, -1, -3 }, [4, 2]);
        using var sigma = torch.full([4, 2], 0.5f);
        var stats = LatentStatistics.Of(codes, sigma);
        double correction = Math.Sqrt(4.0 / 3);
        Assert.Equal([0.0, 0.0], stats.Mean.data<double>().ToArray());
        Assert.Equal(correction, stats.AggregateStd[0].item<double>(), 10);
        Assert.Equal(3 * correction, stats.AggregateStd[1].item<double>(), 10);
        Assert.Equal([0.5, 0.5], stats.MeanPosteriorStd!.data<double>().ToArray());
        Assert.Equal([1, 0], stats.DimensionsBySpread());
        using var diagonal = torch.tensor(new float[] { 1, 1 });
        Assert.Equal(Math.Sqrt(5) * correction, LatentStatistics.StdAlong(codes, diagonal), 6);
    }
}
