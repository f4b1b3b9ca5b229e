using LatentWorkbench.Ops;
using LatentWorkbench.Tensors;

namespace LatentWorkbench.Nn;

/// <summary>[N, …] → [N, Π…].</summary>
public sealed class Flatten : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Flatten(input);
}
