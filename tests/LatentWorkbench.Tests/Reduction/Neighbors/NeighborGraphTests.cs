using LatentWorkbench.Reduction.Neighbors;
using TorchSharp;

namespace LatentWorkbench.Tests.Reduction.Neighbors;

public sealed class NeighborGraphTests
{
    [Fact]
    public void Neighbours_Given_As_Tensors_Are_Read_Row_By_Row()
    {
        using var indices = torch.tensor(new long[] { 1, 2, 0, 2, 1, 0 }, [3, 2]);
        using var distances = torch.tensor(new float[] { 0.5f, 1, 0.5f, 2, 1, 1.5f }, [3, 2]);

        var graph = NeighborGraph.FromTensors(indices, distances, NeighborDistance.Euclidean);

        Assert.Equal((3, 2), (graph.Rows, graph.K));
        Assert.Equal(NeighborDistance.Euclidean, graph.Distance);
        Assert.Equal([0, 2], graph.Indices(1).ToArray());
        Assert.Equal([1.0, 1.5], graph.Distances(2).ToArray());
    }

    [Fact]
    public void A_Strided_View_Of_Int32_Indices_Reads_The_Same()
    {
        using var wide = torch.tensor(new int[] { 1, 9, 0, 9 }, [2, 2]);
        using var indices = wide.narrow(1, 0, 1);   // [[1], [0]], not contiguous
        using var distances = torch.tensor(new[] { 0.25, 0.25 }, [2, 1]);

        var graph = NeighborGraph.FromTensors(indices, distances, NeighborDistance.SquaredEuclidean);

        Assert.Equal([1], graph.Indices(0).ToArray());
        Assert.Equal([0], graph.Indices(1).ToArray());
    }

    [Fact]
    public void Bad_Neighbours_Are_Named_By_Row_And_Column()
    {
        using var self = torch.tensor(new long[] { 1, 1 }, [2, 1]);
        using var outside = torch.tensor(new long[] { 1, 2 }, [2, 1]);
        using var good = torch.tensor(new long[] { 1, 0 }, [2, 1]);
        using var distances = torch.tensor(new[] { 0.5, 0.5 }, [2, 1]);
        using var negative = torch.tensor(new[] { 0.5, -1.0 }, [2, 1]);

        Assert.Contains("indices[1, 0] = 1", Assert.Throws<ArgumentException>("indices", () => NeighborGraph.FromTensors(self, distances, NeighborDistance.Euclidean)).Message, StringComparison.Ordinal);
        Assert.Contains("indices[1, 0] = 2", Assert.Throws<ArgumentException>("indices", () => NeighborGraph.FromTensors(outside, distances, NeighborDistance.Euclidean)).Message, StringComparison.Ordinal);
        Assert.Contains("distances[1, 0] = -1", Assert.Throws<ArgumentException>("distances", () => NeighborGraph.FromTensors(good, negative, NeighborDistance.Euclidean)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("indices", () => NeighborGraph.FromTensors(good.to(torch.float32), distances, NeighborDistance.Euclidean));
        Assert.Throws<ArgumentException>("indices", () => NeighborGraph.FromTensors(good, distances.reshape(1, 2), NeighborDistance.Euclidean));
    }
}
