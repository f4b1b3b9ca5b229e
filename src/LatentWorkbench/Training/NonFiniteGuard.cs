using LatentWorkbench.Tensors;

namespace LatentWorkbench.Training;

/// <summary>Finds the first parameter whose gradient holds NaN or ∞ (a cheap vectorized sum first, a scan only when it is not finite).</summary>
internal static class NonFiniteGuard
{
    public static void ThrowIfAnyGradientNotFinite((string Name, Tensor Tensor)[] parameters, long globalStep, int epoch)
    {
        foreach (var (name, tensor) in parameters)
        {
            if (tensor.Grad is null)
            {
                continue;
            }

            var g = tensor.Grad.AsSpan();
            if (float.IsFinite(System.Numerics.Tensors.TensorPrimitives.Sum(g)))
            {
                continue;
            }

            for (int i = 0; i < g.Length; i++)
            {
                if (!float.IsFinite(g[i]))
                {
                    throw new NonFiniteTrainingException(globalStep, epoch, $"gradient of '{name}'", $"element {i} is {g[i]}");
                }
            }
        }
    }
}
