namespace LatentWorkbench.Training;

/// <summary>What a callback hears after each optimizer step.</summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="Step">1-based step within the epoch.</param>
/// <param name="StepsPerEpoch">Steps in each epoch.</param>
/// <param name="GlobalStep">1-based step since the start of training.</param>
/// <param name="Loss">The batch loss divided by the batch size.</param>
public readonly record struct StepReport(int Epoch, int Step, int StepsPerEpoch, long GlobalStep, double Loss);

/// <summary>What a callback hears after each epoch.</summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="Seconds">Wall-clock seconds of the epoch's steps (checkpointing excluded).</param>
/// <param name="TrainLoss">Mean loss per sample over the epoch.</param>
public sealed record EpochReport(int Epoch, double Seconds, double TrainLoss);

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

/// <summary>Thrown when the loss or a gradient stops being finite; training stops before the weights are touched.</summary>
public sealed class NonFiniteTrainingException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NonFiniteTrainingException(long globalStep, int epoch, string tensorName, string detail)
        : base($"Training stopped at step {globalStep} (epoch {epoch}): {tensorName} is not finite ({detail}). The weights were not updated; the last checkpoint, if any, is the last good state.")
    {
        GlobalStep = globalStep;
        Epoch = epoch;
        TensorName = tensorName;
    }

    /// <summary>Creates the exception.</summary>
    public NonFiniteTrainingException()
        : base("Training stopped: a value is not finite.")
    {
        TensorName = string.Empty;
    }

    /// <summary>Creates the exception.</summary>
    public NonFiniteTrainingException(string message)
        : base(message)
    {
        TensorName = string.Empty;
    }

    /// <summary>Creates the exception.</summary>
    public NonFiniteTrainingException(string message, Exception innerException)
        : base(message, innerException)
    {
        TensorName = string.Empty;
    }

    /// <summary>1-based global step at which the value appeared.</summary>
    public long GlobalStep { get; }

    /// <summary>1-based epoch.</summary>
    public int Epoch { get; }

    /// <summary>"loss" or "gradient of 'name'".</summary>
    public string TensorName { get; }
}
