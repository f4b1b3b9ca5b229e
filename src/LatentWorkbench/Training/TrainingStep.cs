using TorchSharp;

namespace LatentWorkbench.Training;

/// <summary>
/// What the <see cref="Trainer"/> does with one mini-batch: update the weights (one optimiser, or a discriminator and a
/// generator step) and return the loss to report, summed over the batch, with its named terms.
/// </summary>
/// <param name="batch">The batch's slices of each training tensor (inputs, then labels when there are any).</param>
/// <param name="epoch">1-based epoch (named in a NaN report).</param>
/// <param name="step">1-based step within the epoch.</param>
/// <param name="completedSteps">Optimiser steps taken before this one, over all epochs (a step-dependent loss reads it).</param>
internal delegate (double Total, IReadOnlyList<KeyValuePair<string, torch.Tensor>> Terms) TrainingStep(torch.Tensor[] batch, int epoch, int step, long completedSteps);
