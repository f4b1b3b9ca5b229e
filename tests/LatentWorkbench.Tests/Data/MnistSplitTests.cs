using LatentWorkbench.Compute;
using LatentWorkbench.Data;
using TorchSharp;

namespace LatentWorkbench.Tests.Data;

public sealed class MnistSplitTests
{
    public MnistSplitTests() => TorchRuntime.EnsureInitialized();

    private static MnistSplit Three() =>
        MnistSplit.FromArrays("tiny", [.. Enumerable.Range(0, 3 * MnistSplit.PixelsPerImage).Select(i => i / 10_000f)], [7, 0, 9]);

    [Fact]
    public void Images_Are_Float32_N_By_784_Over_The_Array_And_Labels_Int64()
    {
        using var split = Three();
        Assert.Equal([3L, 784L], split.Images.shape);
        Assert.Equal(torch.float32, split.Images.dtype);
        Assert.Equal(torch.int64, split.Labels.dtype);
        Assert.Equal([7L, 0L, 9L], split.Labels.data<long>().ToArray());
        Assert.Equal(784 / 10_000f, split.Image(1)[0]);
        using var channels = split.ImagesAsChannels();
        Assert.Equal([3L, 1L, 28L, 28L], channels.shape);
    }

    [Fact]
    public void Take_Shares_Storage_And_To_The_Same_Device_Survives_Disposal_Of_The_Copy()
    {
        using var split = Three();
        using (var first = split.Take(2))
        {
            Assert.Equal(2, first.Count);
            Assert.Equal(split.Image(1)[5], first.Image(1)[5]);
        }

        using (var same = split.To(torch.CPU))
        {
            Assert.Equal(3, same.Count);
        }

        Assert.Equal([1, 0, 0, 0, 0, 0, 0, 1, 0, 1], split.ClassCounts());
    }

    [Fact]
    public void Sample_Draws_Seeded_Distinct_Rows_With_Their_Labels_In_Draw_Order()
    {
        using var split = Three();
        using var sample = split.Sample(2, seed: 3);
        using var again = split.Sample(2, seed: 3);
        int[] drawn = LatentWorkbench.Reduction.Matrix.SampleIndices(3, 2, seed: 3);
        Assert.Equal(2, sample.Count);
        Assert.Equal(sample.Images.data<float>().ToArray(), again.Images.data<float>().ToArray());
        Assert.Equal(drawn.Select(i => split.Labels[i].item<long>()), sample.Labels.data<long>().ToArray());
        Assert.Equal(split.Image(drawn[1])[100], sample.Image(1)[100]);
        Assert.Throws<ArgumentOutOfRangeException>(() => split.Sample(4, seed: 0));
    }

    [Fact]
    public void A_Wrong_Shape_Or_Label_Count_Names_What_Was_Expected()
    {
        var images = Assert.Throws<ArgumentException>(() => new MnistSplit("x", torch.zeros(2, 100), torch.zeros(2, dtype: torch.int64)));
        Assert.Equal("images", images.ParamName);
        Assert.Contains("[N, 784]", images.Message, StringComparison.Ordinal);
        var labels = Assert.Throws<ArgumentException>(() => new MnistSplit("x", torch.zeros(2, 784), torch.zeros(3, dtype: torch.int64)));
        Assert.Equal("labels", labels.ParamName);
        Assert.Contains("N = 2", labels.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Channel_First_Images_And_Byte_Labels_Are_Accepted_As_The_Canonical_Shapes()
    {
        using var split = new MnistSplit("x", torch.zeros(2, 1, 28, 28), torch.tensor(new byte[] { 3, 4 }));
        Assert.Equal([2L, 784L], split.Images.shape);
        Assert.Equal(torch.int64, split.Labels.dtype);
    }
}
