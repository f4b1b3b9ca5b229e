using TorchSharp;

namespace LatentWorkbench.Models;

/// <summary>A model the <see cref="Training.Trainer"/> can fit: a torch module that scores a batch.</summary>
/// <remarks>Models never own their training loop (pythae's pattern); the trainer calls <see cref="Loss"/> once per step.</remarks>
public interface ITrainableModel : ITorchModel
{
    /// <summary>The loss of <paramref name="batch"/> ([B, …] on the model's device), summed over the batch.</summary>
    ModelLoss Loss(torch.Tensor batch);
}
