using LatentWorkbench.Ops;
using LatentWorkbench.Tensors;

namespace LatentWorkbench.Nn;

/// <summary>x for x &gt; 0, slope·x otherwise.</summary>
/// <param name="negativeSlope">The slope for negative inputs (PyTorch default 0.01).</param>
public sealed class LeakyReLU(float negativeSlope = 0.01f) : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.LeakyRelu(input, negativeSlope);
}
