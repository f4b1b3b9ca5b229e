namespace LatentWorkbench.Training;

/// <summary>The loss became NaN or infinite; training stopped and the last good checkpoint (if any) is untouched.</summary>
public sealed class NonFiniteTrainingException : Exception
{
    /// <summary>Creates the exception for step <paramref name="step"/> of epoch <paramref name="epoch"/>.</summary>
    public NonFiniteTrainingException(int epoch, int step, double loss, string? lastGoodCheckpoint)
        : base($"The loss became {loss} at epoch {epoch}, step {step}; training stopped. " +
            (lastGoodCheckpoint is null ? "No checkpoint was written." : $"The last good checkpoint is '{lastGoodCheckpoint}'.") +
            " Lower the learning rate or clip gradients (MaxGradNorm).")
    {
        (Epoch, Step, Loss, LastGoodCheckpoint) = (epoch, step, loss, lastGoodCheckpoint);
    }

    /// <summary>1-based epoch of the failing step.</summary>
    public int Epoch { get; }

    /// <summary>1-based step within the epoch.</summary>
    public int Step { get; }

    /// <summary>The non-finite loss value.</summary>
    public double Loss { get; }

    /// <summary>The checkpoint written after the last complete epoch, or null.</summary>
    public string? LastGoodCheckpoint { get; }
}
