using LatentWorkbench.Compute;
using LatentWorkbench.Metrics;
using TorchSharp;

namespace LatentWorkbench.Tests.Metrics;

public sealed class ImageAttributesTests
{
    private const int Side = 28;

    public ImageAttributesTests() => TorchRuntime.EnsureInitialized();

    /// <summary>
    /// A one-pixel-wide bar from row 4 to row 23 whose column moves by <paramref name="shear"/> per row upwards, its ink
    /// split between the two nearest columns (anti-aliased) so that each row's ink centre lies exactly on the line.
    /// </summary>
    private static float[] ShearedBar(double shear)
    {
        var pixels = new float[Side * Side];
        for (int row = 4; row < 24; row++)
        {
            double x = 13.5 + (shear * (13.5 - row));   // up = smaller row index
            int left = (int)Math.Floor(x);
            double right = x - left;
            pixels[(row * Side) + left] += (float)(1 - right);
            pixels[(row * Side) + left + 1] += (float)right;
        }

        return pixels;
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.3)]
    [InlineData(-0.25)]
    public void The_Slant_Of_A_Sheared_Bar_Is_Its_Shear_With_Positive_Leaning_Right(double shear)
    {
        using var images = torch.tensor(ShearedBar(shear), [1, Side * Side]);
        Assert.Equal(shear, ImageAttributes.Slant(images)[0].item<double>(), 5);
    }

    [Fact]
    public void Ink_Mass_Is_The_Sum_Of_The_Pixels_And_A_Thicker_Bar_Has_More()
    {
        var thin = ShearedBar(0.2);
        var thick = ShearedBar(0.2).Select((v, i) => v + (i % Side < Side - 1 ? thin[i + 1] : 0)).ToArray();   // the bar widened by a pixel
        using var images = torch.tensor([.. thin, .. thick], [2, Side * Side]);
        using var mass = ImageAttributes.InkMass(images);
        Assert.Equal(20, mass[0].item<double>(), 4);
        Assert.Equal(40, mass[1].item<double>(), 4);
        Assert.Equal(0.2, ImageAttributes.Slant(images)[1].item<double>(), 5);   // widening sideways keeps the slant
    }

    [Fact]
    public void A_Blank_Image_Has_No_Ink_And_Zero_Slant_And_Bad_Shapes_Are_Named()
    {
        using var blank = torch.zeros(1, Side * Side);
        Assert.Equal(0, ImageAttributes.InkMass(blank)[0].item<double>());
        Assert.Equal(0, ImageAttributes.Slant(blank)[0].item<double>());
        using var wrong = torch.zeros(1, 100);
        Assert.Equal("images", Assert.Throws<ArgumentException>(() => ImageAttributes.Slant(wrong)).ParamName);
        Assert.Equal(0, ImageAttributes.Slant(wrong, side: 10)[0].item<double>());
    }
}
