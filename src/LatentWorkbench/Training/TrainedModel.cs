using LatentWorkbench.Models;

namespace LatentWorkbench.Training;

/// <summary>A model that <see cref="ModelTraining.Train{TModel, TConfig}"/> trained, or loaded from the run store, in eval mode on its device.</summary>
/// <param name="Model">The model.</param>
/// <param name="Epochs">One report per epoch (read back from the store for a cached run).</param>
/// <param name="Device">Where it lives, e.g. <c>cpu</c>.</param>
/// <param name="RunId">The run store's id of the run; null without a store.</param>
/// <param name="FromCache">True when the weights were loaded from an earlier run instead of trained now.</param>
public sealed record TrainedModel<TModel>(TModel Model, IReadOnlyList<EpochReport> Epochs, string Device, long? RunId, bool FromCache)
    where TModel : class, ITorchModel
{
    /// <summary>Wall-clock seconds the training took when it ran (the sum of its epochs, also for a cached run).</summary>
    public double TrainingSeconds => Epochs.Sum(e => e.Seconds);
}
