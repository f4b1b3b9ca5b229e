namespace LatentWorkbench.Training;

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
