using LatentWorkbench.Nn;
using LatentWorkbench.Tensors;
using static LatentWorkbench.Ops.Functional;
using G = LatentWorkbench.Tests.TestUtilities.GradCheck;

namespace LatentWorkbench.Tests.Ops;

/// <summary>Forward values of convolution, pooling and batch norm against direct definitions in double.</summary>
public sealed class ConvolutionTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    public void Conv2d_Matches_The_Direct_Sum(int stride, int padding)
    {
        var x = G.Uniform(1, [2, 3, 7, 6], -1, 1);
        var w = G.Uniform(2, [4, 3, 3, 3], -1, 1);
        var b = G.Uniform(3, [4], -1, 1);
        var y = Conv2d(x, w, b, stride, padding);
        int outH = ((7 + (2 * padding) - 3) / stride) + 1, outW = ((6 + (2 * padding) - 3) / stride) + 1;
        Assert.Equal([2, 4, outH, outW], y.Shape);
        for (int n = 0; n < 2; n++)
        {
            for (int o = 0; o < 4; o++)
            {
                for (int oy = 0; oy < outH; oy++)
                {
                    for (int ox = 0; ox < outW; ox++)
                    {
                        double sum = b[o];
                        for (int c = 0; c < 3; c++)
                        {
                            for (int i = 0; i < 3; i++)
                            {
                                for (int j = 0; j < 3; j++)
                                {
                                    int yy = (oy * stride) - padding + i, xx = (ox * stride) - padding + j;
                                    if (yy >= 0 && yy < 7 && xx >= 0 && xx < 6)
                                    {
                                        sum += (double)x[n, c, yy, xx] * w[o, c, i, j];
                                    }
                                }
                            }
                        }

                        Assert.Equal(sum, y[n, o, oy, ox], 4);
                    }
                }
            }
        }
    }

    [Fact]
    public void ConvTranspose2d_Scatters_Each_Input_Pixel_Through_The_Kernel()
    {
        int stride = 2, padding = 1;
        var x = G.Uniform(1, [1, 2, 3, 3], -1, 1);
        var w = G.Uniform(2, [2, 3, 4, 4], -1, 1);
        var y = ConvTranspose2d(x, w, null, stride, padding);
        int outH = ((3 - 1) * stride) - (2 * padding) + 4;
        Assert.Equal([1, 3, outH, outH], y.Shape);
        var expected = new double[3, outH, outH];
        for (int c = 0; c < 2; c++)
        {
            for (int h = 0; h < 3; h++)
            {
                for (int v = 0; v < 3; v++)
                {
                    for (int o = 0; o < 3; o++)
                    {
                        for (int i = 0; i < 4; i++)
                        {
                            for (int j = 0; j < 4; j++)
                            {
                                int yy = (h * stride) - padding + i, xx = (v * stride) - padding + j;
                                if (yy >= 0 && yy < outH && xx >= 0 && xx < outH)
                                {
                                    expected[o, yy, xx] += (double)x[0, c, h, v] * w[c, o, i, j];
                                }
                            }
                        }
                    }
                }
            }
        }

        for (int o = 0; o < 3; o++)
        {
            for (int i = 0; i < outH; i++)
            {
                for (int j = 0; j < outH; j++)
                {
                    Assert.Equal(expected[o, i, j], y[0, o, i, j], 4);
                }
            }
        }
    }

    [Fact]
    public void Pooling_Takes_The_Max_And_Mean_Of_Each_Window()
    {
        var x = Tensor.FromArray([1f, 2f, 5f, 0f, 3f, 4f, -1f, 8f, 0f, 0f, 1f, 1f, 0f, 6f, 1f, 1f], 1, 1, 4, 4);
        Assert.Equal([4f, 8f, 6f, 1f], MaxPool2d(x, 2).ToArray());
        Assert.Equal([2.5f, 3f, 1.5f, 1f], AvgPool2d(x, 2).ToArray());
    }

    [Fact]
    public void BatchNorm_Normalizes_In_Training_And_Uses_Running_Statistics_In_Eval()
    {
        var layer = new BatchNorm1d(2);
        var x = Tensor.FromArray([1f, 10f, 3f, 20f, 5f, 30f], 3, 2);
        var y = layer.Forward(x);
        Assert.Equal(-1.2247f, y[0, 0], 3); // (1 − 3) / √(8/3 + 1e-5)
        Assert.Equal(1.2247f, y[2, 1], 3);
        Assert.Equal(0.3f, layer.RunningMean.AsSpan()[0], 5);     // 0.9·0 + 0.1·3
        Assert.Equal(1.3f, layer.RunningVariance.AsSpan()[0], 5); // 0.9·1 + 0.1·4 (unbiased variance of 1, 3, 5)
        layer.Eval();
        var evaluated = layer.Forward(Tensor.FromArray([0.3f, 2f], 1, 2));
        Assert.Equal(0f, evaluated[0, 0], 5);
        Assert.Equal(["weight", "bias", "running_mean", "running_var"], layer.StateDict().Keys);
    }

    [Fact]
    public void Conv_Modules_Produce_The_Documented_Shapes()
    {
        var random = new TensorRandom(0);
        var encoder = new Sequential(new Conv2d(1, 8, 4, random, stride: 2, padding: 1), new ReLU(), new BatchNorm2d(8), new MaxPool2d(2));
        var h = encoder.Forward(Tensor.Zeros(5, 1, 28, 28));
        Assert.Equal([5, 8, 7, 7], h.Shape);
        var decoder = new ConvTranspose2d(8, 1, 4, random, stride: 2, padding: 1);
        Assert.Equal([5, 1, 14, 14], decoder.Forward(h).Shape);
    }
}
