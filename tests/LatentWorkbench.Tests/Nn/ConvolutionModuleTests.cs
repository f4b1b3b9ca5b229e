using LatentWorkbench.Nn;
using LatentWorkbench.Tensors;

namespace LatentWorkbench.Tests.Nn;

public sealed class ConvolutionModuleTests
{
    [Fact]
    public void Conv2d_Lays_Out_W_As_Cout_Cin_K_K_With_Fan_In_From_Cin()
    {
        var conv = new Conv2d(3, 8, 5, new TensorRandom(1));

        Assert.Equal([8, 3, 5, 5], conv.Weight.Shape.ToArray());
        Assert.Equal([8], conv.Bias!.Shape.ToArray());
        float bound = 1f / MathF.Sqrt(3 * 5 * 5);
        Assert.All(conv.Weight.ToArray(), w => Assert.InRange(w, -bound, bound));
        Assert.All(conv.Bias.ToArray(), b => Assert.InRange(b, -bound, bound));
        Assert.Contains(conv.Weight.ToArray(), w => Math.Abs(w) > bound / 2);
    }

    [Fact]
    public void ConvTranspose2d_Lays_Out_W_As_Cin_Cout_K_K_With_Fan_In_From_Cout()
    {
        var deconv = new ConvTranspose2d(8, 2, 3, new TensorRandom(1), stride: 2, padding: 1);

        Assert.Equal([8, 2, 3, 3], deconv.Weight.Shape.ToArray());
        float bound = 1f / MathF.Sqrt(2 * 3 * 3);
        Assert.All(deconv.Weight.ToArray(), w => Assert.InRange(w, -bound, bound));
        Assert.Contains(deconv.Weight.ToArray(), w => Math.Abs(w) > 1f / MathF.Sqrt(8 * 3 * 3));
        Assert.Equal((2, 1), (deconv.Stride, deconv.Padding));
    }

    [Fact]
    public void Without_Bias_Only_The_Weight_Is_A_Parameter()
    {
        var conv = new Conv2d(1, 4, 3, new TensorRandom(1), bias: false);

        Assert.Null(conv.Bias);
        Assert.Equal(["weight"], conv.NamedParameters().Select(p => p.Name));
    }

    [Theory]
    [InlineData(0, 4, 3, 1, 0)]
    [InlineData(1, 0, 3, 1, 0)]
    [InlineData(1, 4, 0, 1, 0)]
    [InlineData(1, 4, 3, 0, 0)]
    [InlineData(1, 4, 3, 1, -1)]
    public void Bad_Sizes_Are_Rejected(int inChannels, int outChannels, int kernel, int stride, int padding)
    {
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => new Conv2d(inChannels, outChannels, kernel, new TensorRandom(1), stride, padding));
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => new ConvTranspose2d(inChannels, outChannels, kernel, new TensorRandom(1), stride, padding));
    }
}
