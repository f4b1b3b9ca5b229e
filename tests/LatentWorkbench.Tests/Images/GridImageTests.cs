using LatentWorkbench.Compute;
using LatentWorkbench.Images;
using LatentWorkbench.Tests.TestUtilities;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;
using TorchSharp;

namespace LatentWorkbench.Tests.Images;

[Collection(MnistCollection.Name)]
public sealed class GridImageTests(MnistFixture mnist)
{
    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    public void The_Encoded_Png_Decodes_To_Exactly_The_Digits(int scale, bool invert)
    {
        const int count = 13, columns = 5, gap = 2;
        var test = mnist.Data.Test;
        using var shown = test.Images.narrow(0, 100, count);
        using var grid = GridImage.FromImages(shown, columns, style: new GridImageStyle { Scale = scale, Invert = invert });
        float[] pixels = TensorSpans.Floats(test.Images).ToArray();

        // Decoding is allowed here only because the bytes are our own output.
        using var decoded = Image.Load<L8>(grid.ToPngBytes());

        int rows = (count + columns - 1) / columns;
        Assert.Equal(((columns * 28) + ((columns - 1) * gap)) * scale, decoded.Width);
        Assert.Equal(((rows * 28) + ((rows - 1) * gap)) * scale, decoded.Height);
        for (int i = 0; i < count; i++)
        {
            int left = (i % columns) * (28 + gap), top = (i / columns) * (28 + gap);
            for (int y = 0; y < 28 * scale; y++)
            {
                for (int x = 0; x < 28 * scale; x++)
                {
                    // MNIST pixels are byte / 255, so the written byte is the original IDX byte.
                    int expected = (int)Math.Round(pixels[((100 + i) * 784) + (y / scale * 28) + (x / scale)] * 255);
                    expected = invert ? 255 - expected : expected;
                    byte actual = decoded[(left * scale) + x, (top * scale) + y].PackedValue;
                    if (actual != expected)
                    {
                        Assert.Fail($"image {i} pixel ({x / scale}, {y / scale}) copy ({x % scale}, {y % scale}): expected {expected}, decoded {actual}");
                    }
                }
            }
        }
    }

    [Fact]
    public void Values_Outside_The_Unit_Interval_Are_Clamped_And_NaN_Is_Black()
    {
        using var values = torch.tensor(new[] { -1f, 0.5f, 2f, float.NaN }, [2, 2]);
        using var image = GridImage.Single(values, scale: 1);

        Assert.Equal([0, 128, 255, 0], new[] { image[0, 0], image[1, 0], image[0, 1], image[1, 1] }.Select(p => (int)p.PackedValue));
    }

    [Fact]
    public void The_Title_Travels_In_The_Png_And_The_Labels_With_The_Image()
    {
        using var image = GridImage.FromImages(Zeros(4), 2, rowLabels: ["a", "b"], captions: ["0", "1", "2", "3"], title: "Zeros");

        using var decoded = Image.Load<L8>(image.ToPngBytes());
        Assert.Contains(decoded.Metadata.GetPngMetadata().TextData, t => t.Keyword == "Title" && t.Value == "Zeros");
        var layout = GridImage.LayoutOf(image)!;
        Assert.Equal(["a", "b"], layout.RowLabels);
        Assert.Equal((56 + 4, 56 + 14 + 4), layout.Origin(3));
        Assert.Null(GridImage.LayoutOf(decoded));
    }

    [Fact]
    public void Html_Shows_The_Png_Inline_With_One_Span_Per_Label_And_Caption()
    {
        using var image = GridImage.FromImages(Zeros(3), 3, rowLabels: ["row <1>"], columnLabels: ["a", "b", "c"], captions: ["7", "2", "1"], title: "Three");

        string html = image.ToHtml();

        Assert.Contains($"<img src=\"{image.ToPngDataUri()}\"", html, StringComparison.Ordinal);
        Assert.Contains("image-rendering:pixelated", html, StringComparison.Ordinal);
        Assert.Contains(">row &lt;1&gt;</span>", html, StringComparison.Ordinal);
        Assert.Equal(1 + 3 + 3, html.Split("<span").Length - 1);
    }

    [Fact]
    public void Label_Counts_Must_Match_The_Grid()
    {
        Assert.Equal("captions", Assert.Throws<ArgumentException>(() => GridImage.FromImages(Zeros(2), 2, captions: ["x"])).ParamName);
        Assert.Equal("rowLabels", Assert.Throws<ArgumentException>(() => GridImage.FromImages(Zeros(4), 2, rowLabels: ["x"])).ParamName);
    }

    [Theory]
    [InlineData(new long[] { 3, 784 }, 28, 28)]
    [InlineData(new long[] { 2, 4, 6 }, 4, 6)]
    [InlineData(new long[] { 2, 1, 4, 6 }, 4, 6)]
    public void Images_Come_Flat_Square_Or_Channel_First(long[] shape, int height, int width)
    {
        using var images = torch.rand(shape);
        using var grid = GridImage.FromImages(images, columns: 1, style: new GridImageStyle { Scale = 1, Gap = 0 });

        Assert.Equal((width, (int)shape[0] * height), (grid.Width, grid.Height));
    }

    [Fact]
    public void A_Wrong_Shape_Names_The_Parameter_And_The_Shapes_It_Takes()
    {
        using var notSquare = torch.zeros(2, 30);
        using var twoChannels = torch.zeros(2, 2, 4, 4);
        using var oneImage = torch.zeros(784);

        var flat = Assert.Throws<ArgumentException>(() => GridImage.FromImages(notSquare, 2));
        Assert.Equal("images", flat.ParamName);
        Assert.Contains("not square", flat.Message, StringComparison.Ordinal);
        var channels = Assert.Throws<ArgumentException>(() => GridImage.FromImages(twoChannels, 2));
        Assert.Equal("images", channels.ParamName);
        Assert.Contains("[N, 784]", channels.Message, StringComparison.Ordinal);
        Assert.Equal("images", Assert.Throws<ArgumentException>(() => GridImage.FromImages(oneImage, 1)).ParamName);
    }

    [Fact]
    public void A_Transposed_Or_Float64_Tensor_Draws_The_Same_Grid_As_Its_Contiguous_Float32_Copy()
    {
        using var images = torch.rand(3, 4, 4, generator: new torch.Generator(5));
        using var transposed = images.transpose(1, 2);
        using var copied = transposed.contiguous();
        using var doubles = images.to(torch.float64);
        using var expected = GridImage.FromImages(copied, 3);
        using var fromView = GridImage.FromImages(transposed, 3);
        using var fromFloat32 = GridImage.FromImages(images, 3);
        using var fromDoubles = GridImage.FromImages(doubles, 3);

        Assert.False(transposed.is_contiguous());
        Assert.Equal(expected.ToPngBytes(), fromView.ToPngBytes());
        Assert.Equal(fromFloat32.ToPngBytes(), fromDoubles.ToPngBytes());
    }

    [Fact]
    public void Written_Png_Files_Hold_The_Encoded_Bytes()
    {
        using var temp = new TempDirectory();
        using var image = GridImage.FromImages(Zeros(1), 1);

        string path = image.WritePng(temp.File("digits/grid.png"));

        Assert.Equal(image.ToPngBytes(), File.ReadAllBytes(path));
        Assert.Equal(["grid.png"], Directory.GetFiles(temp.File("digits")).Select(Path.GetFileName));
    }

    private static torch.Tensor Zeros(int count) => torch.zeros(count, 784);
}
