using LatentWorkbench.Tensors;

namespace LatentWorkbench.Tests.Ops;

public sealed partial class GradientCheckTests
{
    /// <summary>Convolution, pooling and normalization cases (added with those ops).</summary>
    private static readonly Dictionary<string, (Func<Tensor[], Tensor> Function, Func<Tensor[]> Inputs)> ExtraCases = [];
}
