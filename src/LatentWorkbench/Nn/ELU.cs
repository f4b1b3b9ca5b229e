using LatentWorkbench.Ops;
using LatentWorkbench.Tensors;

namespace LatentWorkbench.Nn;

/// <summary>x for x &gt; 0, α(eˣ − 1) otherwise.</summary>
/// <param name="alpha">α (PyTorch default 1).</param>
public sealed class ELU(float alpha = 1f) : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.Elu(input, alpha);
}
