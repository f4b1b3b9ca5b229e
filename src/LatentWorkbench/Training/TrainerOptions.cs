namespace LatentWorkbench.Training;

/// <summary>How the <see cref="Trainer"/> runs; every default of a training run lives here (the CLI binds to it).</summary>
public sealed record TrainerOptions
{
    /// <summary>Passes over the training data.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Examples per optimiser step (the last batch of an epoch may be smaller).</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>Visit the data in a new random order each epoch (one <c>randperm</c> per epoch).</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>Clip the global gradient L2 norm to this value before each step; null: no clipping.</summary>
    public double? MaxGradNorm { get; init; }

    /// <summary>Where to save the weights after every epoch (PyTorch <c>state_dict</c> pickle, atomically); null: no checkpoint.</summary>
    public string? CheckpointPath { get; init; }

    /// <summary>Throws naming the first invalid option.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Epochs, nameof(Epochs));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BatchSize, nameof(BatchSize));
        if (MaxGradNorm is { } max && !(max > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxGradNorm), max, "MaxGradNorm must be positive.");
        }
    }
}
