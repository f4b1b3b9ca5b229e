using TorchSharp;

namespace LatentWorkbench.Models;

/// <summary>
/// A model's loss on one batch: the scalar to minimise and its named terms (e.g. reconstruction and KL), each a
/// scalar tensor summed over the batch, so the trainer can report every term per example.
/// </summary>
/// <param name="Total">The scalar the optimiser minimises (sum over the batch).</param>
/// <param name="Terms">Named parts of the loss (sums over the batch); they need not add up to <paramref name="Total"/> (β-weighted terms).</param>
public sealed record ModelLoss(torch.Tensor Total, IReadOnlyList<KeyValuePair<string, torch.Tensor>> Terms);
