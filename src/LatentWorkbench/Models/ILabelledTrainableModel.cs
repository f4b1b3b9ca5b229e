using TorchSharp;

namespace LatentWorkbench.Models;

/// <summary>
/// A model the <see cref="Training.Trainer"/> fits on labelled examples: a classifier, or a conditional generative
/// model whose encoder and decoder see the label.
/// </summary>
public interface ILabelledTrainableModel : ITorchModel
{
    /// <summary>The loss of <paramref name="inputs"/> ([B, …]) with their <paramref name="labels"/> ([B], int64), summed over the batch.</summary>
    ModelLoss Loss(torch.Tensor inputs, torch.Tensor labels);
}
