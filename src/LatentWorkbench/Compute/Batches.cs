using TorchSharp;

namespace LatentWorkbench.Compute;

/// <summary>
/// The one loop for applying a model or a measure to many rows a mini-batch at a time: each batch runs in its own
/// dispose scope under <c>no_grad</c>, and the native scalars of finished batches are released every few batches
/// (<see cref="NativeScalars"/>), so evaluating 10,000 digits holds one batch's memory.
/// </summary>
/// <remarks>
/// Each overload hands its callback the range of the batch, <c>(start, count)</c>, so a caller slices whatever tensors
/// belong together (images and labels, inputs and targets) with <c>narrow(0, start, count)</c>. Results that outlive a
/// batch are moved out of its scope here, not by the caller. Batches run in order, so sums and random draws are the
/// same as a hand-written loop's.
/// </remarks>
public static class Batches
{
    /// <summary>Runs <paramref name="batch"/> on every range of <paramref name="rows"/> rows, <paramref name="batchSize"/> at a time.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rows"/> is negative or <paramref name="batchSize"/> is not positive.</exception>
    public static void ForEach(long rows, long batchSize, Action<long, long> batch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        ArgumentNullException.ThrowIfNull(batch);
        using var noGrad = torch.no_grad();
        int done = 0;
        for (long start = 0; start < rows; start += batchSize)
        {
            using (torch.NewDisposeScope())
            {
                batch(start, Math.Min(batchSize, rows - start));
            }

            if (++done % NativeScalars.StepsBetweenReleases == 0)
            {
                NativeScalars.Release();
            }
        }
    }

    /// <summary>Σ over batches of the scalar tensor <paramref name="batch"/> returns, added in float64 in batch order.</summary>
    public static double Sum(long rows, long batchSize, Func<long, long, torch.Tensor> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        double total = 0;
        ForEach(rows, batchSize, (start, count) => total += batch(start, count).to_type(torch.float64).item<double>());
        return total;
    }

    /// <summary>The outputs of <paramref name="batch"/> for every range, concatenated along dimension 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rows"/> is less than 1.</exception>
    public static torch.Tensor Concat(long rows, long batchSize, Func<long, long, torch.Tensor> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        var parts = new List<torch.Tensor>();
        ForEach(rows, batchSize, (start, count) => parts.Add(batch(start, count).MoveToOuterDisposeScope()));
        return Join(parts);
    }

    /// <summary>As <see cref="Concat(long, long, Func{long, long, torch.Tensor})"/> for a batch function with two outputs.</summary>
    public static (torch.Tensor First, torch.Tensor Second) Concat(long rows, long batchSize, Func<long, long, (torch.Tensor, torch.Tensor)> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        var first = new List<torch.Tensor>();
        var second = new List<torch.Tensor>();
        ForEach(rows, batchSize, (start, count) =>
        {
            var (a, b) = batch(start, count);
            first.Add(a.MoveToOuterDisposeScope());
            second.Add(b.MoveToOuterDisposeScope());
        });
        return (Join(first), Join(second));
    }

    private static torch.Tensor Join(List<torch.Tensor> parts)
    {
        if (parts.Count == 1)
        {
            return parts[0];
        }

        var all = torch.cat(parts, 0);
        parts.ForEach(p => p.Dispose());
        return all;
    }
}
