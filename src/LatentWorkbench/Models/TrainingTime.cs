namespace LatentWorkbench.Models;

/// <summary>
/// Where training stands when the <see cref="Training.Trainer"/> asks a model for its loss: the context a
/// step-dependent loss term (KL warm-up, cyclical annealing) reads its weight from.
/// </summary>
/// <param name="Step">Optimiser steps already taken, over all epochs (0 for the first batch).</param>
/// <param name="Epoch">The 1-based epoch the batch belongs to.</param>
/// <remarks>
/// The trainer passes it into <see cref="ITrainableModel.Loss(TorchSharp.torch.Tensor, TrainingTime)"/>, so a model
/// needs no callback to count steps, and a loss evaluated outside training (<see cref="Start"/>) is reproducible.
/// </remarks>
public readonly record struct TrainingTime(long Step, int Epoch)
{
    /// <summary>Before the first step: step 0 of epoch 1.</summary>
    public static TrainingTime Start { get; } = new(0, 1);
}
