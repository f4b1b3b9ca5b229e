using LatentWorkbench.Compute;
using LatentWorkbench.Latent;
using TorchSharp;

namespace LatentWorkbench.Tests.Latent;

public sealed class NeighboursAndSmoothnessTests
{
    public NeighboursAndSmoothnessTests() => TorchRuntime.EnsureInitialized();

    [Fact]
    public void Nearest_Neighbours_Agree_With_A_Brute_Force_Search()
    {
        using var generator = new torch.Generator(2);
        using var reference = torch.rand([300, 6], generator: generator);
        using var queries = torch.rand([NearestNeighbours.QueryChunk + 5, 6], generator: generator);   // two chunks

        var (indices, distances) = NearestNeighbours.Find(queries, reference, k: 3);

        using var all = torch.cdist(queries, reference);
        var (expected, expectedRows) = all.topk(3, dim: 1, largest: false);
        Assert.Equal(expectedRows.data<long>().ToArray(), indices.data<long>().ToArray());
        Assert.True(distances.allclose(expected, atol: 1e-4));
    }

    [Fact]
    public void A_Training_Image_Is_Its_Own_Nearest_Neighbour_At_Distance_Zero()
    {
        using var generator = new torch.Generator(3);
        using var reference = torch.rand([50, 10], generator: generator);
        var (indices, distances) = NearestNeighbours.Find(reference.narrow(0, 17, 1), reference);
        Assert.Equal(17, indices[0, 0].item<long>());
        Assert.True(distances[0, 0].item<float>() < 1e-3);
    }

    [Fact]
    public void Step_Distances_Are_The_Euclidean_Gaps_Between_Consecutive_Images()
    {
        using var path = torch.tensor(new float[] { 0, 0, 3, 4, 3, 4, 3, 5 }, [4, 2]);
        using var steps = PathSmoothness.StepDistances(path);
        Assert.Equal(torch.float64, steps.dtype);
        Assert.Equal([5.0, 0, 1], steps.data<double>().ToArray());
        Assert.Equal(2, PathSmoothness.MeanStepDistance(path), 10);
        Assert.Throws<ArgumentException>(() => PathSmoothness.StepDistances(path.narrow(0, 0, 1)));
    }
}
