using LatentWorkbench.Ops;
using LatentWorkbench.Tensors;

namespace LatentWorkbench.Nn;

/// <summary>
/// 2-D convolution: x [N, Cin, H, W] → y [N, Cout, Ho, Wo], Ho = (H + 2p − k)/s + 1; W [Cout, Cin, k, k], b [Cout].
/// </summary>
/// <remarks>PyTorch's default initialization: W, b ~ U(−1/√fan_in, 1/√fan_in) with fan_in = Cin·k².</remarks>
public sealed class Conv2d : Module
{
    /// <summary>Creates the layer and initializes it from <paramref name="random"/>.</summary>
    public Conv2d(int inChannels, int outChannels, int kernelSize, TensorRandom random, int stride = 1, int padding = 0, bool bias = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernelSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stride);
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        (Stride, Padding) = (stride, padding);
        int fanIn = inChannels * kernelSize * kernelSize;
        Weight = RegisterParameter("weight", Tensor.Zeros(outChannels, inChannels, kernelSize, kernelSize));
        Init.KaimingUniform(Weight, random, fanIn);
        if (bias)
        {
            Bias = RegisterParameter("bias", Tensor.Zeros(outChannels));
            Init.DefaultBias(Bias, random, fanIn);
        }
    }

    /// <summary>W [Cout, Cin, k, k].</summary>
    public Tensor Weight { get; }

    /// <summary>b [Cout], or null.</summary>
    public Tensor? Bias { get; }

    /// <summary>Stride s.</summary>
    public int Stride { get; }

    /// <summary>Zero padding p.</summary>
    public int Padding { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Conv2d(input, Weight, Bias, Stride, Padding);
}
