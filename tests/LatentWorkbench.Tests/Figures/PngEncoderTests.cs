using LatentWorkbench.Figures;
using LatentWorkbench.Figures.Png;
using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Figures;

public sealed class PngEncoderTests
{
    [Fact]
    public void Crc32_Of_The_Standard_Check_String_Is_CBF43926()
    {
        Assert.Equal(0xCBF43926u, Crc32.Append(0, "123456789"u8));
        Assert.Equal(0xCBF43926u, IndependentPngDecoder.BitwiseCrc("123456789"u8));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(7, 5)]
    [InlineData(300, 2)]
    public void Gray_Image_Decodes_To_The_Written_Pixels(int width, int height)
    {
        var random = new Random(width * 31 + height);
        var pixels = new byte[width * height];
        random.NextBytes(pixels);
        var image = IndependentPngDecoder.Decode(PngEncoder.EncodeGray(pixels, width, height));
        Assert.Equal((width, height, 1), (image.Width, image.Height, image.Channels));
        Assert.Equal(pixels, image.Pixels);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(5, 4)]
    public void Rgb_Image_Decodes_To_The_Written_Pixels(int width, int height)
    {
        var random = new Random(width + height);
        var pixels = new byte[width * height * 3];
        random.NextBytes(pixels);
        var image = IndependentPngDecoder.Decode(PngEncoder.EncodeRgb(pixels, width, height));
        Assert.Equal((width, height, 3), (image.Width, image.Height, image.Channels));
        Assert.Equal(pixels, image.Pixels);
    }

    [Fact]
    public void Encode_Throws_When_The_Buffer_Does_Not_Match_The_Size()
    {
        var e = Assert.Throws<ArgumentException>(() => PngEncoder.EncodeRgb(new byte[10], 2, 2));
        Assert.Equal("pixels", e.ParamName);
        Assert.Contains("needs 12", e.Message, StringComparison.Ordinal);
    }
}

[Collection(MnistCollection.Name)]
public sealed class DigitGridPngTests(MnistFixture mnist)
{
    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    public void Digit_Grid_Png_Decodes_To_Exactly_The_Digits(int scale, bool invert)
    {
        const int count = 13, columns = 5, gap = 2;
        var test = mnist.Data.Test;
        var grid = ImageGrid.FromPixels(test.Pixels.AsSpan(784 * 100), count, columns);
        grid.PixelScale = scale;
        grid.Invert = invert;

        var image = IndependentPngDecoder.Decode(grid.ToPng());

        int rows = (count + columns - 1) / columns;
        Assert.Equal(((columns * 28) + ((columns - 1) * gap)) * scale, image.Width);
        Assert.Equal(((rows * 28) + ((rows - 1) * gap)) * scale, image.Height);
        Assert.Equal(1, image.Channels);
        for (int i = 0; i < count; i++)
        {
            int left = (i % columns) * (28 + gap), top = (i / columns) * (28 + gap);
            for (int y = 0; y < 28; y++)
            {
                for (int x = 0; x < 28; x++)
                {
                    // MNIST pixels are byte / 255, so the written byte is the original IDX byte.
                    int expected = (int)Math.Round(test.Pixels[((100 + i) * 784) + (y * 28) + x] * 255);
                    if (invert)
                    {
                        expected = 255 - expected;
                    }

                    for (int dy = 0; dy < scale; dy++)
                    {
                        for (int dx = 0; dx < scale; dx++)
                        {
                            byte actual = image.Pixel(((left + x) * scale) + dx, ((top + y) * scale) + dy)[0];
                            if (actual != expected)
                            {
                                Assert.Fail($"image {i} pixel ({x}, {y}) copy ({dx}, {dy}): expected {expected}, decoded {actual}");
                            }
                        }
                    }
                }
            }
        }
    }
}
