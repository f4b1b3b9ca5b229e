using LatentWorkbench.Data;

namespace LatentWorkbench.Tests.Data;

public sealed class MnistScalingTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(256)]
    [InlineData(1000)]
    public void ToUnitInterval_Equals_Byte_Over_255_Bit_For_Bit_At_Every_Length(int length)
    {
        var bytes = Enumerable.Range(0, length).Select(i => (byte)((i * 37) + 11)).ToArray();
        var pixels = new float[length];

        Mnist.ToUnitInterval(bytes, pixels);

        for (int i = 0; i < length; i++)
        {
            Assert.Equal(BitConverter.SingleToInt32Bits(bytes[i] / 255f), BitConverter.SingleToInt32Bits(pixels[i]));
        }
    }

    [Fact]
    public void ToUnitInterval_Covers_All_256_Byte_Values()
    {
        var bytes = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        var pixels = new float[256];

        Mnist.ToUnitInterval(bytes, pixels);

        Assert.Equal(0f, pixels[0]);
        Assert.Equal(1f, pixels[255]);
        Assert.All(Enumerable.Range(0, 256), i => Assert.Equal(i / 255f, pixels[i]));
    }
}
