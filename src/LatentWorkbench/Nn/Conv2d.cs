using LatentWorkbench.Ops;
using LatentWorkbench.Tensors;

namespace LatentWorkbench.Nn;

/// <summary>
/// 2-D convolution: x [N, Cin, H, W] → y [N, Cout, Ho, Wo], Ho = (H + 2p − k)/s + 1; W [Cout, Cin, k, k], b [Cout].
/// </summary>
/// <remarks>PyTorch's default initialization: W, b ~ U(−1/√fan_in, 1/√fan_in) with fan_in = Cin·k².</remarks>
public sealed class Conv2d : ConvolutionModule
{
    /// <summary>Creates the layer and initializes it from <paramref name="random"/>.</summary>
    public Conv2d(int inChannels, int outChannels, int kernelSize, TensorRandom random, int stride = 1, int padding = 0, bool bias = true)
        : base(inChannels, outChannels, kernelSize, random, stride, padding, bias, transposed: false)
    {
    }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Conv2d(input, Weight, Bias, Stride, Padding);
}
