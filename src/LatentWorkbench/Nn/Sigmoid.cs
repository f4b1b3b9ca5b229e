using LatentWorkbench.Ops;
using LatentWorkbench.Tensors;

namespace LatentWorkbench.Nn;

/// <summary>σ(x) = 1 / (1 + e⁻ˣ).</summary>
public sealed class Sigmoid : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Sigmoid(input);
}
