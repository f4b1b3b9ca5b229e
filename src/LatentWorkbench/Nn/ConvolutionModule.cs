using LatentWorkbench.Tensors;

namespace LatentWorkbench.Nn;

/// <summary>
/// What <see cref="Conv2d"/> and <see cref="ConvTranspose2d"/> share: argument checks, a square kernel
/// W with PyTorch's weight layout and default initialization, an optional bias, stride and padding.
/// </summary>
/// <remarks>
/// PyTorch lays W out as [Cout, Cin, k, k] for a convolution and [Cin, Cout, k, k] for a transposed one,
/// and takes fan_in from W's second axis in both cases: fan_in = (second axis)·k².
/// W, b ~ U(−1/√fan_in, 1/√fan_in).
/// </remarks>
public abstract class ConvolutionModule : Module
{
    /// <summary>Validates the arguments, registers <c>weight</c> (and <c>bias</c>) and initializes them.</summary>
    private protected ConvolutionModule(
        int inChannels, int outChannels, int kernelSize, TensorRandom random, int stride, int padding, bool bias, bool transposed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernelSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stride);
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        (Stride, Padding) = (stride, padding);
        var (first, second) = transposed ? (inChannels, outChannels) : (outChannels, inChannels);
        int fanIn = second * kernelSize * kernelSize;
        Weight = RegisterParameter("weight", Tensor.Zeros(first, second, kernelSize, kernelSize));
        Init.KaimingUniform(Weight, random, fanIn);
        if (bias)
        {
            Bias = RegisterParameter("bias", Tensor.Zeros(outChannels));
            Init.DefaultBias(Bias, random, fanIn);
        }
    }

    /// <summary>The kernel W: [Cout, Cin, k, k] for a convolution, [Cin, Cout, k, k] for a transposed one.</summary>
    public Tensor Weight { get; }

    /// <summary>b [Cout], or null.</summary>
    public Tensor? Bias { get; }

    /// <summary>Stride s.</summary>
    public int Stride { get; }

    /// <summary>Padding p (zero padding of the input; for a transposed convolution, removed from each border of the output).</summary>
    public int Padding { get; }
}
