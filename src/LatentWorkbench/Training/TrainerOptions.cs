using LatentWorkbench.Optim;

namespace LatentWorkbench.Training;

/// <summary>Hyperparameters of the training loop (validated when <see cref="Trainer"/> is created).</summary>
public sealed record TrainerOptions
{
    /// <summary>Passes over the data.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Samples per step (the last batch of an epoch may be smaller).</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>Seeds the shuffling and the model's sampling noise (same seed → same run, bit for bit).</summary>
    public ulong Seed { get; init; }

    /// <summary>Whether each epoch visits the samples in a fresh random order.</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>When set, the state dict is written here (atomically) after every epoch.</summary>
    public string? CheckpointPath { get; init; }

    /// <summary>When set, gradients are clipped to this global L2 norm before each step.</summary>
    public double? MaxGradNorm { get; init; }

    /// <summary>When set, the learning rate is taken from this schedule before each step (indexed by global step).</summary>
    public LearningRateSchedule? Schedule { get; init; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Epochs, nameof(Epochs));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BatchSize, nameof(BatchSize));
        if (MaxGradNorm is { } max && !(max > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxGradNorm), $"MaxGradNorm must be positive; got {max}.");
        }
    }
}
