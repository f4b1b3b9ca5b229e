using LatentWorkbench.Models.Classifiers;
using LatentWorkbench.Training;

namespace LatentWorkbench.Experiments.Classifiers;

/// <summary>A trained digit classifier and how it did on held-out digits.</summary>
/// <param name="Model">The trained model, in eval mode, on the run's device.</param>
/// <param name="Epochs">Per-epoch reports (from the run store when the run came from the cache).</param>
/// <param name="TestAccuracy">Fraction of the evaluated test digits classified correctly, in [0, 1].</param>
/// <param name="TestCount">How many test digits were evaluated.</param>
/// <param name="Device">The device it ran on (<c>cpu</c>, <c>cuda</c>).</param>
/// <param name="RunId">The run-store id of the training run, or null when no store was used.</param>
/// <param name="FromCache">Whether the weights came from an earlier run with the same configuration.</param>
public sealed record ClassifierExperimentResult(
    ConvClassifier Model,
    IReadOnlyList<EpochReport> Epochs,
    double TestAccuracy,
    long TestCount,
    string Device,
    long? RunId,
    bool FromCache)
{
    /// <summary>Wall-clock seconds the training took (the sum of its epochs, also for a cached run).</summary>
    public double TrainingSeconds => Epochs.Sum(e => e.Seconds);
}
