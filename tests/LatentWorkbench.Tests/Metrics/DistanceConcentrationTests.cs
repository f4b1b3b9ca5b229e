using LatentWorkbench.Metrics;
using static TorchSharp.torch;

namespace LatentWorkbench.Tests.Metrics;

public sealed class DistanceConcentrationTests
{
    [Fact]
    public void Distances_Concentrate_As_The_Dimension_Grows()
    {
        var low = DistanceConcentration.Measure(rand(1000, 2, generator: new Generator(1)), queries: 200, seed: 0);
        var high = DistanceConcentration.Measure(rand(1000, 1000, generator: new Generator(1)), queries: 200, seed: 0);

        Assert.Equal((200, 2), (low.Queries, low.Dimensions));
        Assert.True(low.NearestToFarthest < 0.05, $"2-D ratio {low.NearestToFarthest}");
        Assert.True(high.NearestToFarthest > 0.7, $"1000-D ratio {high.NearestToFarthest}");
        Assert.True(high.RelativeContrast < low.RelativeContrast / 10);
    }

    [Fact]
    public void A_Point_Is_Not_Its_Own_Nearest_Neighbour()
    {
        // Three points on a line, 1 and 2 apart: from the middle one, nearest 1 and farthest 2.
        var points = tensor(new float[] { 0, 0, 1, 0, 3, 0 }).reshape(3, 2);
        var result = DistanceConcentration.Measure(points, queries: 3, seed: 0);
        double expected = ((1.0 / 3) + (1.0 / 2) + (2.0 / 3)) / 3;
        Assert.Equal(expected, result.NearestToFarthest, 9);
    }
}
