using LatentWorkbench.Ops;
using LatentWorkbench.Tensors;

namespace LatentWorkbench.Nn;

/// <summary>max(x, 0).</summary>
public sealed class ReLU : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Relu(input);
}
