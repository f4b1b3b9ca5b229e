using LatentWorkbench.Tensors;

namespace LatentWorkbench.Models;

/// <summary>A model's objective on one batch, summed over the batch: the total that is differentiated and its parts for reporting.</summary>
/// <param name="Total">The scalar to minimize.</param>
/// <param name="Reconstruction">The reconstruction term (e.g. BCE summed over pixels and samples).</param>
/// <param name="Regularizer">The latent regularizer (e.g. KL to the prior), or null when the model has none.</param>
public readonly record struct ModelLoss(Tensor Total, Tensor Reconstruction, Tensor? Regularizer);
