using LatentWorkbench.Images;

namespace LatentWorkbench.Tests.Images;

public sealed class GrayImageBatchTests
{
    [Theory]
    [InlineData(new long[] { 3, 784 }, 3, 28, 28)]
    [InlineData(new long[] { 2, 4, 6 }, 2, 4, 6)]
    [InlineData(new long[] { 2, 1, 4, 6 }, 2, 4, 6)]
    public void FromShape_Reads_Tensor_Shapes(long[] shape, int count, int height, int width)
    {
        var batch = GrayImageBatch.FromShape(new float[count * height * width], shape);

        Assert.Equal((count, height, width), (batch.Count, batch.Height, batch.Width));
    }

    [Fact]
    public void FromShape_Rejects_Unknown_Shapes_And_Lengths_That_Do_Not_Match()
    {
        Assert.Contains("not square", Assert.Throws<ArgumentException>(() => GrayImageBatch.FromShape(new float[60], [2, 30])).Message, StringComparison.Ordinal);
        Assert.Equal("shape", Assert.Throws<ArgumentException>(() => GrayImageBatch.FromShape(new float[24], [2, 3, 2, 2])).ParamName);
        Assert.Equal("pixels", Assert.Throws<ArgumentException>(() => GrayImageBatch.FromShape(new float[10], [1, 784])).ParamName);
    }

    [Fact]
    public void A_Batch_Builds_The_Same_Grid_As_The_Span_Overload()
    {
        float[] pixels = [.. Enumerable.Range(0, 2 * 16).Select(i => i / 31f)];
        using var fromBatch = GridImage.FromBatch(GrayImageBatch.FromShape(pixels, [2, 1, 4, 4]), columns: 2);
        using var fromSpan = GridImage.FromPixels(pixels, 2, 2, imageWidth: 4, imageHeight: 4);

        Assert.Equal(fromSpan.ToPngBytes(), fromBatch.ToPngBytes());
    }
}
