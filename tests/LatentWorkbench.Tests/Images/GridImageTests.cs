using LatentWorkbench.Images;
using LatentWorkbench.Tests.TestUtilities;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

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
        using var grid = GridImage.FromPixels(test.Pixels.ToArray().AsSpan(784 * 100), count, columns, style: new GridImageStyle { Scale = scale, Invert = invert });

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
                    int expected = (int)Math.Round(test.Pixels[((100 + i) * 784) + (y / scale * 28) + (x / scale)] * 255);
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
        using var image = GridImage.Single([-1f, 0.5f, 2f, float.NaN], height: 2, width: 2, scale: 1);

        Assert.Equal([0, 128, 255, 0], new[] { image[0, 0], image[1, 0], image[0, 1], image[1, 1] }.Select(p => (int)p.PackedValue));
    }

    [Fact]
    public void The_Title_Travels_In_The_Png_And_The_Labels_With_The_Image()
    {
        using var image = GridImage.FromPixels(new float[784 * 4], 4, 2, rowLabels: ["a", "b"], captions: ["0", "1", "2", "3"], title: "Zeros");

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
        using var image = GridImage.FromPixels(new float[784 * 3], 3, 3, rowLabels: ["row <1>"], columnLabels: ["a", "b", "c"], captions: ["7", "2", "1"], title: "Three");

        string html = image.ToHtml();

        Assert.Contains($"<img src=\"{image.ToPngDataUri()}\"", html, StringComparison.Ordinal);
        Assert.Contains("image-rendering:pixelated", html, StringComparison.Ordinal);
        Assert.Contains(">row &lt;1&gt;</span>", html, StringComparison.Ordinal);
        Assert.Equal(1 + 3 + 3, html.Split("<span").Length - 1);
    }

    [Fact]
    public void Label_Counts_Must_Match_The_Grid()
    {
        Assert.Equal("pixels", Assert.Throws<ArgumentException>(() => GridImage.FromPixels(new float[783], 1, 1)).ParamName);
        Assert.Equal("captions", Assert.Throws<ArgumentException>(() => GridImage.FromPixels(new float[784 * 2], 2, 2, captions: ["x"])).ParamName);
        Assert.Equal("rowLabels", Assert.Throws<ArgumentException>(() => GridImage.FromPixels(new float[784 * 4], 4, 2, rowLabels: ["x"])).ParamName);
    }

    [Fact]
    public void Written_Png_Files_Hold_The_Encoded_Bytes()
    {
        using var temp = new TempDirectory();
        using var image = GridImage.FromPixels(new float[784], 1, 1);

        string path = image.WritePng(temp.File("digits/grid.png"));

        Assert.Equal(image.ToPngBytes(), File.ReadAllBytes(path));
        Assert.Equal(["grid.png"], Directory.GetFiles(temp.File("digits")).Select(Path.GetFileName));
    }
}
