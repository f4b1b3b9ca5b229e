using LatentWorkbench.Ops;
using LatentWorkbench.Tensors;

namespace LatentWorkbench.Nn;

/// <summary>
/// Transposed 2-D convolution: x [N, Cin, H, W] → y [N, Cout, Ho, Wo], Ho = (H − 1)·s − 2p + k; W [Cin, Cout, k, k], b [Cout].
/// </summary>
/// <remarks>PyTorch's default initialization: W, b ~ U(−1/√fan_in, 1/√fan_in) with fan_in = Cout·k² (PyTorch reads it from W's second axis).</remarks>
public sealed class ConvTranspose2d : ConvolutionModule
{
    /// <summary>Creates the layer and initializes it from <paramref name="random"/>.</summary>
    public ConvTranspose2d(int inChannels, int outChannels, int kernelSize, TensorRandom random, int stride = 1, int padding = 0, bool bias = true)
        : base(inChannels, outChannels, kernelSize, random, stride, padding, bias, transposed: true)
    {
    }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.ConvTranspose2d(input, Weight, Bias, Stride, Padding);
}
