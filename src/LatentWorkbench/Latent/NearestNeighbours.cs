using LatentWorkbench.Compute;
using TorchSharp;

namespace LatentWorkbench.Latent;

/// <summary>The training images closest (Euclidean, in pixel space) to decoded points: is a decoded digit new, or a copy?</summary>
public static class NearestNeighbours
{
    /// <summary>Queries compared with all of the reference at once; bounds memory to QueryChunk × N distances.</summary>
    public const int QueryChunk = 256;

    /// <summary>
    /// For each query row, the <paramref name="k"/> nearest reference rows: indices [M, k] (int64) and distances [M, k]
    /// (float32, ascending), with ‖q − r‖² = ‖q‖² + ‖r‖² − 2 q·r computed by matrix products.
    /// </summary>
    /// <param name="queries">[M, D], e.g. decoded images.</param>
    /// <param name="reference">[N, D], e.g. the training images, on the same device.</param>
    /// <param name="k">Neighbours per query, 1 … N.</param>
    public static (torch.Tensor Indices, torch.Tensor Distances) Find(torch.Tensor queries, torch.Tensor reference, int k = 1)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(reference);
        if (queries.shape.Length != 2 || reference.shape.Length != 2 || queries.shape[1] != reference.shape[1])
        {
            throw new ArgumentException($"queries [M, D] and reference [N, D] must have the same D; got [{string.Join(", ", queries.shape)}] and [{string.Join(", ", reference.shape)}].", nameof(reference));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, reference.shape[0]);
        using var noGrad = torch.no_grad();
        using var referenceNorms = reference.pow(2).sum(dim: 1);
        return Batches.Concat(queries.shape[0], QueryChunk, (start, count) =>
        {
            var q = queries.narrow(0, start, count).to(reference.device);
            var squared = q.pow(2).sum(dim: 1, keepdim: true) + referenceNorms.unsqueeze(0) - (2 * q.matmul(reference.t()));
            var (values, rows) = squared.topk(k, dim: 1, largest: false, sorted: true);
            return (rows, values.clamp_min(0).sqrt());
        });
    }
}
