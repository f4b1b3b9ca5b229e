using LatentWorkbench.Data;
using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Data;

[Collection(MnistCollection.Name)]
public sealed class PixelStatisticsTests(MnistFixture mnist)
{
    [Fact]
    public void Mean_And_Variance_Match_A_Direct_Computation()
    {
        // Two 2×2 images: pixel 0 is 0 then 1, pixel 3 is constant.
        float[] pixels = [0f, 0.5f, 0.25f, 1f, 1f, 0.5f, 0.75f, 1f];

        var stats = PixelStatistics.Of(pixels, 2, 2);

        Assert.Equal([0.5, 0.5, 0.5, 1.0], stats.Mean);
        Assert.Equal([0.25, 0.0, 0.0625, 0.0], stats.Variance);
        Assert.Equal(0.25, stats.VarianceImage[0, 0]);
        Assert.Equal(1.0, stats.MeanImage[1, 1]);
        Assert.Equal(3, stats.CountWithVarianceBelow(0.1));
    }

    [Fact]
    public void Mnist_Border_Pixels_Carry_No_Variance_And_The_Mean_Is_The_Known_One()
    {
        var stats = PixelStatistics.Of(mnist.Data.Train);

        Assert.Equal(0.0, stats.Variance[0]);
        Assert.Equal(0.1307, stats.Mean.Average(), 4);
        // 67 pixels are zero in every training image (NumPy: (X.var(0) == 0).sum()); 239 vary by less than 1e-3.
        Assert.Equal(67, stats.CountWithVarianceBelow(1e-12));
        Assert.Equal(239, stats.CountWithVarianceBelow(1e-3));
    }

    [Fact]
    public void Of_Rejects_Pixels_That_Do_Not_Fill_Whole_Images()
    {
        var e = Assert.Throws<ArgumentException>(() => PixelStatistics.Of(new float[7], 2, 2));

        Assert.Equal("pixels", e.ParamName);
    }
}
