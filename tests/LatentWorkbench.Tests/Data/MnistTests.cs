using System.Numerics.Tensors;
using LatentWorkbench.Data;
using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Data;

[Collection(MnistCollection.Name)]
public sealed class MnistTests(MnistFixture mnist)
{
    [Fact]
    public void Splits_Have_The_Published_Sizes()
    {
        Assert.Equal(60_000, mnist.Data.Train.Count);
        Assert.Equal(10_000, mnist.Data.Test.Count);
        Assert.Equal(60_000 * 784, mnist.Data.Train.Pixels.Length);
    }

    [Fact]
    public void Training_Pixels_Have_The_Well_Known_Mean_And_Std()
    {
        // The normalization constants every MNIST tutorial uses: 0.1307 and 0.3081.
        float[] pixels = mnist.Data.Train.Pixels.ToArray();
        double mean = TensorPrimitives.Sum<double>(Array.ConvertAll(pixels, p => (double)p)) / pixels.Length;
        double variance = pixels.Select(p => (p - mean) * (p - mean)).Sum() / pixels.Length;

        Assert.Equal(0.1307, mean, 4);
        Assert.Equal(0.3081, Math.Sqrt(variance), 4);
    }

    [Fact]
    public void Class_Counts_Match_The_Published_Balance()
    {
        Assert.Equal([5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949], mnist.Data.Train.ClassCounts());
        Assert.Equal([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009], mnist.Data.Test.ClassCounts());
    }

    [Fact]
    public void First_Labels_Are_The_Published_Ones()
    {
        Assert.Equal(new byte[] { 5, 0, 4, 1, 9, 2, 1, 3, 1, 4 }, mnist.Data.Train.Labels[..10]);
        Assert.Equal(new byte[] { 7, 2, 1, 0, 4, 1, 4, 9, 5, 9 }, mnist.Data.Test.Labels[..10]);
    }
}
