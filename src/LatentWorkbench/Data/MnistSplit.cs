namespace LatentWorkbench.Data;

/// <summary>
/// One split of MNIST in memory: images as float32 pixels in [0, 1] and labels 0–9.
/// </summary>
/// <remarks>
/// <see cref="Pixels"/> is N×784 row-major, which is also N×1×28×28 (channel-first) without a copy.
/// Pixels are byte / 255f, the same scaling as <c>ToTensor()</c> in torchvision and
/// <c>astype(float32) / 255</c> in NumPy, so values match the reference scripts exactly.
/// </remarks>
public sealed class MnistSplit
{
    /// <summary>Image height and width in pixels.</summary>
    public const int Side = 28;

    /// <summary>Pixels per image (28 × 28).</summary>
    public const int PixelsPerImage = Side * Side;

    /// <summary>The number of classes (digits 0–9).</summary>
    public const int ClassCount = 10;

    /// <summary>Creates a split; <paramref name="pixels"/> must hold 784 values per label.</summary>
    public MnistSplit(string name, float[] pixels, byte[] labels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(labels);
        if (pixels.Length != labels.Length * PixelsPerImage)
        {
            throw new ArgumentException(
                $"pixels has {pixels.Length} values; expected {labels.Length} labels × {PixelsPerImage} = {labels.Length * PixelsPerImage}.",
                nameof(pixels));
        }

        Name = name;
        Pixels = pixels;
        Labels = labels;
    }

    /// <summary>"train" or "test" (or a subset's name).</summary>
    public string Name { get; }

    /// <summary>N×784 pixels in [0, 1], row-major.</summary>
    public float[] Pixels { get; }

    /// <summary>N labels, each 0–9.</summary>
    public byte[] Labels { get; }

    /// <summary>The number of images.</summary>
    public int Count => Labels.Length;

    /// <summary>The shape of <see cref="Pixels"/> as a matrix: [N, 784].</summary>
    public int[] FlatShape => [Count, PixelsPerImage];

    /// <summary>The shape of <see cref="Pixels"/> as images: [N, 1, 28, 28].</summary>
    public int[] ImageShape => [Count, 1, Side, Side];

    /// <summary>The 784 pixels of image <paramref name="index"/>, without copying.</summary>
    public ReadOnlySpan<float> Image(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return Pixels.AsSpan(index * PixelsPerImage, PixelsPerImage);
    }

    /// <summary>The first <paramref name="count"/> images as a new split (copies).</summary>
    public MnistSplit Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        count = Math.Min(count, Count);
        return new MnistSplit(Name, Pixels[..(count * PixelsPerImage)], Labels[..count]);
    }

    /// <summary>How many images of each digit the split holds (index = digit).</summary>
    public int[] ClassCounts()
    {
        var counts = new int[ClassCount];
        foreach (byte label in Labels)
        {
            counts[label]++;
        }

        return counts;
    }
}
