using LatentWorkbench.Data;
using TorchSharp;

namespace LatentWorkbench.Training;

/// <summary>
/// The examples a recipe trains on, and a key that names them for the run store (two runs on different data
/// must not share a cache entry).
/// </summary>
/// <param name="Inputs">[N, …] float32.</param>
/// <param name="Labels">[N] int64 for models that learn from labels; null otherwise.</param>
/// <param name="Key">What the data is, e.g. <c>mnist-train:60000</c>; part of the cache key.</param>
public sealed record TrainingData(torch.Tensor Inputs, torch.Tensor? Labels, string Key)
{
    /// <summary>The first <paramref name="count"/> (default: all) digits of <paramref name="split"/> (named <paramref name="splitName"/>, e.g. <c>train</c>) as views of its tensors.</summary>
    /// <remarks>The tensors stay owned by <paramref name="split"/>; <paramref name="count"/> takes a prefix so that a quick run's data is a fixed subset.</remarks>
    public static TrainingData FromMnist(MnistSplit split, string splitName, int? count = null)
    {
        ArgumentNullException.ThrowIfNull(split);
        ArgumentException.ThrowIfNullOrWhiteSpace(splitName);
        long n = split.Count;
        if (count is { } c && (c <= 0 || c > n))
        {
            throw new ArgumentOutOfRangeException(nameof(count), c, $"count must be between 1 and the split's {n} digits.");
        }

        long take = count ?? n;
        string key = MnistKey(splitName, n, take);
        return take == n
            ? new TrainingData(split.Images, split.Labels, key)
            : new TrainingData(split.Images.narrow(0, 0, take), split.Labels.narrow(0, 0, take), key);
    }

    /// <summary><see cref="FromMnist"/> with <paramref name="atMost"/> capped at the split's size: a larger count (or null) means every digit.</summary>
    /// <remarks>So a quick preset's count stays valid on a smaller copy of MNIST.</remarks>
    public static TrainingData FromMnistAtMost(MnistSplit split, string splitName, int? atMost)
    {
        ArgumentNullException.ThrowIfNull(split);
        return FromMnist(split, splitName, atMost is { } c && c < split.Count ? c : null);
    }

    /// <summary>The key <see cref="FromMnist"/> gives the first <paramref name="take"/> of a split of <paramref name="splitCount"/> digits, without building the data.</summary>
    public static string MnistKey(string splitName, long splitCount, long take) =>
        take == splitCount ? $"mnist-{splitName}:{splitCount}" : $"mnist-{splitName}:first-{take}";

    /// <summary>
    /// A less diverse set of the same size: the first <paramref name="distinct"/> examples repeated in order
    /// (0, 1, …, distinct − 1, 0, 1, …) until there are as many as before, so that an epoch still takes as many steps.
    /// </summary>
    /// <remarks>The key gains <c>:repeating-first-{distinct}</c>, so the run store keeps these runs apart from the full set's.
    /// The tensors are new (the caller disposes them); labels, where there are any, are repeated with their examples.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="distinct"/> is not in [1, N].</exception>
    public TrainingData RepeatingFirst(int distinct)
    {
        long n = Inputs.shape[0];
        if (distinct <= 0 || distinct > n)
        {
            throw new ArgumentOutOfRangeException(nameof(distinct), distinct, $"distinct must be between 1 and the data's {n} examples.");
        }

        using var index = torch.arange(n, torch.int64, Inputs.device).remainder(distinct);
        return new TrainingData(Inputs.index_select(0, index), Labels?.index_select(0, index.to(Labels.device)), $"{Key}:repeating-first-{distinct}");
    }

    /// <summary>The same examples without their labels (for models that do not learn from labels the key is unchanged: the images are the same).</summary>
    public TrainingData WithoutLabels() => this with { Labels = null };
}
