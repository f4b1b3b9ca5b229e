namespace LatentWorkbench.Training;

/// <summary>Hooks the <see cref="Trainer"/> calls: progress, metrics, early stopping, diagnostics.</summary>
public interface ITrainingCallback
{
    /// <summary>After each optimiser step (keep it cheap: it runs hundreds of times an epoch).</summary>
    void OnStepEnd(in StepReport report)
    {
    }

    /// <summary>After each epoch; return false to stop training after this epoch.</summary>
    bool OnEpochEnd(EpochReport report) => true;
}
