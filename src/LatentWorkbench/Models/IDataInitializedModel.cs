using TorchSharp;

namespace LatentWorkbench.Models;

/// <summary>
/// A model with a data-dependent initialisation: statistics of the training inputs it sets once, after it is built
/// and before the first step (as Glow's actnorm or a stored input mean do). They live in the state dict, so a model
/// loaded from a checkpoint gets them back without the data.
/// </summary>
public interface IDataInitializedModel : ITorchModel
{
    /// <summary>Sets the statistics from <paramref name="inputs"/> (the whole training set, on the model's device).</summary>
    void InitializeFromData(torch.Tensor inputs);
}
