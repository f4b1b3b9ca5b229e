namespace LatentWorkbench.Training;

/// <summary>Receives progress and metrics from the <see cref="Trainer"/>; implement only what you need.</summary>
public interface ITrainingCallback
{
    /// <summary>Called after every step (keep it cheap: it runs 469 times an epoch for MNIST at batch 128).</summary>
    void OnStepEnd(in StepReport report)
    {
    }

    /// <summary>Called after every epoch, after the checkpoint is written.</summary>
    void OnEpochEnd(EpochReport report)
    {
    }
}
