using LatentWorkbench.Compute;
using LatentWorkbench.Images;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using TorchSharp;

namespace LatentWorkbench.Tests.Images;

/// <summary>A grid's PNG carries its title and labels in its pixels, and its digits unchanged beside them.</summary>
public sealed class GridImageLabelsTests
{
    private const byte Ink = 34;

    [Fact]
    public void The_Labelled_Png_Has_A_Title_Strip_And_A_Label_Column_Around_The_Untouched_Digits()
    {
        TorchRuntime.EnsureInitialized();
        using var values = torch.full([4, 784], 0.5f);
        using var grid = GridImage.FromImages(values, 2, rowLabels: ["original", "k = 2"], columnLabels: ["a", "b"], title: "Rebuilt");

        // Decoding is allowed here only because the bytes are our own output.
        using var labelled = Image.Load<L8>(grid.ToLabelledPngBytes());

        Assert.True(labelled.Width > grid.Width && labelled.Height > grid.Height, $"labelled {labelled.Width}×{labelled.Height}, grid {grid.Width}×{grid.Height}");
        int left = labelled.Width - grid.Width, top = labelled.Height - grid.Height;
        Assert.True(left >= PixelFont.Width("original", 2), "the label column is narrower than the longest row label");
        for (int y = 0; y < grid.Height; y += 7)
        {
            for (int x = 0; x < grid.Width; x += 7)
            {
                Assert.Equal(grid[x, y].PackedValue, labelled[left + x, top + y].PackedValue);
            }
        }

        Assert.True(InkIn(labelled, 0, 0, labelled.Width, top / 2) > 20, "no title drawn above the grid");
        Assert.True(InkIn(labelled, 0, top, left, top + 56) > 20, "no label drawn left of the first row");
        Assert.True(InkIn(labelled, 0, top + 56 + 4, left, top + 112 + 4) > 10, "no label drawn left of the second row");
        Assert.True(InkIn(labelled, left, top / 2, labelled.Width, top) > 5, "no column labels drawn above the images");
    }

    [Fact]
    public void An_Unlabelled_Image_Keeps_Its_Plain_Png()
    {
        TorchRuntime.EnsureInitialized();
        using var values = torch.zeros([2, 784]);
        using var grid = GridImage.FromImages(values, 2);

        Assert.Equal(grid.ToPngBytes(), grid.ToLabelledPngBytes());
    }

    [Fact]
    public void The_Pixel_Font_Draws_Every_Printable_Character_Inside_Its_Cell()
    {
        string printable = new([.. Enumerable.Range(' ', '~' - ' ' + 1).Select(c => (char)c)]);
        int width = PixelFont.Width(printable, 1);
        var pixels = new byte[width * PixelFont.GlyphHeight];
        Array.Fill(pixels, (byte)255);

        PixelFont.Draw(pixels, width, printable, 0, 0, 1, Ink);

        for (int i = 1; i < printable.Length; i++)
        {
            int ink = 0;
            for (int y = 0; y < PixelFont.GlyphHeight; y++)
            {
                for (int x = i * PixelFont.Advance; x < (i * PixelFont.Advance) + PixelFont.GlyphWidth; x++)
                {
                    ink += pixels[(y * width) + x] == Ink ? 1 : 0;
                }
            }

            Assert.True(ink > 0, $"'{printable[i]}' draws nothing");
        }
    }

    private static int InkIn(Image<L8> image, int x0, int y0, int x1, int y1)
    {
        int count = 0;
        for (int y = y0; y < Math.Min(y1, image.Height); y++)
        {
            for (int x = x0; x < Math.Min(x1, image.Width); x++)
            {
                count += image[x, y].PackedValue == Ink ? 1 : 0;
            }
        }

        return count;
    }
}
