using LatentWorkbench.Ops;
using LatentWorkbench.Tensors;

namespace LatentWorkbench.Nn;

/// <summary>x·Φ(x) (exact GELU).</summary>
public sealed class GELU : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Gelu(input);
}
