using LatentWorkbench.Compute;
using TorchSharp;

namespace LatentWorkbench.Data;

/// <summary>
/// One split of MNIST: its images and labels as torch tensors, the type every model, reducer, metric and figure takes.
/// </summary>
/// <remarks>
/// <see cref="Images"/> is float32 [N, 784] (row-major, so <c>Images.reshape(-1, 1, 28, 28)</c> is the channel-first
/// view a convolutional model takes, without a copy); <see cref="Labels"/> is int64 [N] with digits 0–9. Pixels are
/// byte / 255f, the scaling of <c>ToTensor()</c> in torchvision and <c>astype(float32) / 255</c> in NumPy, so values
/// match the reference scripts exactly. A split loaded from disk lives on the CPU, its pixels decoded straight into
/// libtorch's memory (no managed copy is kept: <see cref="TensorSpans"/> says why); <see cref="To"/> moves a split to a GPU with one copy. The split owns its tensors:
/// <see cref="Dispose"/> frees them (a notebook's splits usually live as long as the kernel).
/// </remarks>
public sealed class MnistSplit : IDisposable
{
    /// <summary>Image height and width in pixels.</summary>
    public const int Side = 28;

    /// <summary>Pixels per image (28 × 28).</summary>
    public const int PixelsPerImage = Side * Side;

    /// <summary>The number of classes (digits 0–9).</summary>
    public const int ClassCount = 10;

    /// <summary>Images in the published training split (LeCun et al. 1998).</summary>
    public const int PublishedTrainCount = 60_000;

    /// <summary>A split over <paramref name="images"/> (float32 [N, 784] or [N, 1, 28, 28]) and <paramref name="labels"/> (integer [N]); the split takes ownership of both.</summary>
    /// <exception cref="ArgumentException">A shape or dtype is not the one described, or the two are on different devices.</exception>
    public MnistSplit(string name, torch.Tensor images, torch.Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        if (images.dtype != torch.float32 || images.dim() < 2 || images.shape[1..].Aggregate(1L, (a, b) => a * b) != PixelsPerImage)
        {
            throw new ArgumentException(
                $"images must be float32 [N, {PixelsPerImage}] or [N, 1, {Side}, {Side}]; got {images.dtype} [{string.Join(", ", images.shape)}].",
                nameof(images));
        }

        if (labels.dim() != 1 || labels.shape[0] != images.shape[0] || labels.is_floating_point())
        {
            throw new ArgumentException(
                $"labels must be an integer tensor [N] with N = {images.shape[0]} (one per image); got {labels.dtype} [{string.Join(", ", labels.shape)}].",
                nameof(labels));
        }

        if (images.device_type != labels.device_type || images.device_index != labels.device_index)
        {
            throw new ArgumentException($"images are on {images.device} and labels on {labels.device}; put both on one device.", nameof(labels));
        }

        Name = name;
        Images = images.dim() == 2 ? images : Reshaped(images);
        Labels = labels.dtype == torch.int64 ? labels : Converted(labels);
    }

    /// <summary>"train" or "test" (or a subset's name).</summary>
    public string Name { get; }

    /// <summary>Pixels in [0, 1], float32 [N, 784].</summary>
    public torch.Tensor Images { get; }

    /// <summary>Digits 0–9, int64 [N].</summary>
    public torch.Tensor Labels { get; }

    /// <summary>The number of images.</summary>
    public int Count => (int)Images.shape[0];

    /// <summary>The device both tensors live on.</summary>
    public torch.Device Device => Images.device;

    /// <summary>The images as [N, 1, 28, 28] (a view, not a copy); dispose it when done.</summary>
    public torch.Tensor ImagesAsChannels() => Images.reshape(Count, 1, Side, Side);

    /// <summary>
    /// This split on <paramref name="device"/>: on the device it is already on, new handles to the same tensors (no
    /// copy; disposing the result leaves this split intact); elsewhere the run's one host-to-device copy.
    /// </summary>
    public MnistSplit To(torch.Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        return Images.device_type == device.type && (device.index < 0 || Images.device_index == device.index)
            ? new MnistSplit(Name, Images.alias(), Labels.alias())
            : new MnistSplit(Name, Images.to(device), Labels.to(device));
    }

    /// <summary>The first <paramref name="count"/> images (all of them when there are fewer) as a split that shares this one's storage.</summary>
    public MnistSplit Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        count = Math.Min(count, Count);
        return new MnistSplit(Name, Images.narrow(0, 0, count), Labels.narrow(0, 0, count));
    }

    /// <summary>
    /// <paramref name="count"/> distinct images drawn at random (seeded), in the order drawn, as a new split (a copy of
    /// those rows): a reproducible sample to show or rebuild.
    /// </summary>
    /// <remarks>A partial Fisher–Yates shuffle driven by <c>new Random(seed)</c>: the same seed and split size always give the same images.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative or more than <see cref="Count"/>.</exception>
    public MnistSplit Sample(int count, int seed)
    {
        int[] rows = Reduction.Matrix.SampleIndices(Count, count, seed);
        using var indices = torch.tensor(Array.ConvertAll(rows, i => (long)i), [rows.Length], dtype: torch.int64, device: Device);
        return new MnistSplit(Name, Images.index_select(0, indices), Labels.index_select(0, indices));
    }

    /// <summary>How many images of each digit the split holds (index = digit).</summary>
    public IReadOnlyList<int> ClassCounts()
    {
        using var counts = torch.bincount(Labels, minlength: ClassCount).cpu();
        return [.. counts.data<long>().ToArray().Select(c => (int)c)];
    }

    /// <summary>The 784 pixels of image <paramref name="index"/> on the CPU, read in place (CPU splits only).</summary>
    internal ReadOnlySpan<float> Image(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return Pixels.Slice(index * PixelsPerImage, PixelsPerImage);
    }

    /// <summary>All pixels, row-major, read in place from <see cref="Images"/> (CPU splits only): what our span kernels read.</summary>
    internal ReadOnlySpan<float> Pixels => TensorSpans.Floats(Images);

    /// <summary>The labels as bytes (a copy), for code that indexes arrays by digit.</summary>
    internal byte[] LabelBytes()
    {
        using var host = Labels.to(torch.uint8).cpu();
        return host.data<byte>().ToArray();
    }

    /// <summary>A CPU split with a copy of <paramref name="pixels"/> and <paramref name="labels"/> in libtorch's memory.</summary>
    internal static MnistSplit FromArrays(string name, float[] pixels, byte[] labels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(labels);
        if (pixels.Length != (long)labels.Length * PixelsPerImage)
        {
            throw new ArgumentException(
                $"pixels has {pixels.Length} values; expected {labels.Length} labels × {PixelsPerImage} = {(long)labels.Length * PixelsPerImage}.",
                nameof(pixels));
        }

        TorchRuntime.EnsureInitialized();
        var images = TensorSpans.Copy(pixels, labels.Length, PixelsPerImage);
        using var bytes = torch.tensor(labels, [labels.Length], dtype: torch.uint8);
        return new MnistSplit(name, images, bytes.to(torch.int64));
    }

    /// <summary>Frees both tensors.</summary>
    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
    }

    private static torch.Tensor Reshaped(torch.Tensor images)
    {
        var flat = images.reshape(images.shape[0], PixelsPerImage);
        images.Dispose();
        return flat;
    }

    private static torch.Tensor Converted(torch.Tensor labels)
    {
        var wide = labels.to(torch.int64);
        labels.Dispose();
        return wide;
    }
}
