using LatentWorkbench.Tensors;

namespace LatentWorkbench.Optim;

/// <summary>Gradient clipping by global norm (Pascanu et al. 2013), as <c>torch.nn.utils.clip_grad_norm_</c>.</summary>
public static class GradientClipping
{
    /// <summary>
    /// Scales every gradient by min(1, maxNorm / (‖g‖ + 1e-6)), where ‖g‖ is the L2 norm of all gradients together.
    /// </summary>
    /// <returns>The total norm before clipping (NaN or ∞ when a gradient is not finite).</returns>
    public static double ClipGradNorm(IEnumerable<Tensor> parameters, double maxNorm)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxNorm);
        var withGrad = parameters.Where(p => p.Grad is not null).ToList();
        double sumSquares = 0;
        foreach (var p in withGrad)
        {
            sumSquares += System.Numerics.Tensors.TensorPrimitives.SumOfSquares(p.Grad!.AsSpan());
        }

        double norm = Math.Sqrt(sumSquares);
        double scale = maxNorm / (norm + 1e-6);
        if (scale < 1)
        {
            foreach (var p in withGrad)
            {
                var g = p.Grad!.AsSpan();
                System.Numerics.Tensors.TensorPrimitives.Multiply(g, (float)scale, g);
            }
        }

        return norm;
    }
}
