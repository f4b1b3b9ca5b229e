using LatentWorkbench.Tensors;

namespace LatentWorkbench.Models;

/// <summary>What the <see cref="Training.Trainer"/> needs from a model: its loss on a batch. Models never own their training loop.</summary>
public interface ILossModel
{
    /// <summary>The objective on <paramref name="batch"/> [N, …], summed over the batch.</summary>
    /// <param name="batch">The inputs.</param>
    /// <param name="random">Noise for stochastic models (latent sampling); null asks for the deterministic variant (z = μ).</param>
    ModelLoss Loss(Tensor batch, TensorRandom? random);
}
