using LatentWorkbench.Ops;
using LatentWorkbench.Tensors;

namespace LatentWorkbench.Nn;

/// <summary>Average pooling over k×k windows (stride defaults to k).</summary>
/// <param name="kernelSize">Window side k.</param>
/// <param name="stride">Step between windows (default k).</param>
public sealed class AvgPool2d(int kernelSize, int? stride = null) : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Functional.AvgPool2d(input, kernelSize, stride);
}
