using LatentWorkbench.Ops;
using LatentWorkbench.Tensors;

namespace LatentWorkbench.Nn;

/// <summary>log(1 + eˣ).</summary>
public sealed class Softplus : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Softplus(input);
}
