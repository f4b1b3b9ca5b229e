using TorchSharp;

namespace LatentWorkbench.Models;

/// <summary>A model the <see cref="Training.Trainer"/> can fit: a torch module that scores a batch.</summary>
/// <remarks>
/// Models never own their training loop (pythae's pattern); the trainer calls
/// <see cref="Loss(torch.Tensor, TrainingTime)"/> once per step. A loss whose terms depend on the step (a KL schedule)
/// implements that overload; every other model implements <see cref="Loss(torch.Tensor)"/> only.
/// </remarks>
public interface ITrainableModel : ITorchModel
{
    /// <summary>The loss of <paramref name="batch"/> ([B, …] on the model's device), summed over the batch.</summary>
    ModelLoss Loss(torch.Tensor batch);

    /// <summary>The loss of <paramref name="batch"/> at <paramref name="time"/> in training; by default <see cref="Loss(torch.Tensor)"/>.</summary>
    ModelLoss Loss(torch.Tensor batch, TrainingTime time) => Loss(batch);
}
