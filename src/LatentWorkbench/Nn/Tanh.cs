using LatentWorkbench.Ops;
using LatentWorkbench.Tensors;

namespace LatentWorkbench.Nn;

/// <summary>tanh(x).</summary>
public sealed class Tanh : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Tanh(input);
}
