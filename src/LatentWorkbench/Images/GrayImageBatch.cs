namespace LatentWorkbench.Images;

/// <summary>
/// Grayscale images as floats in [0, 1]: <see cref="Count"/> × <see cref="Height"/> × <see cref="Width"/>,
/// row-major, image after image. The one input every image builder takes, whatever held the pixels.
/// </summary>
/// <remarks>
/// It is also the adapter point for tensors: a model's output of shape [N, 784], [N, H, W] or [N, 1, H, W]
/// becomes a batch with <see cref="FromShape"/> (copy the tensor's values to a float array, pass its shape),
/// so this library needs no reference to the tensor library.
/// </remarks>
public sealed class GrayImageBatch
{
    /// <summary>Wraps <paramref name="pixels"/> (not copied) as <paramref name="count"/> images of <paramref name="height"/> × <paramref name="width"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 1.</exception>
    /// <exception cref="ArgumentException"><paramref name="pixels"/> holds fewer values than the images need.</exception>
    public GrayImageBatch(ReadOnlyMemory<float> pixels, int count, int height, int width)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        long needed = (long)count * height * width;
        if (pixels.Length < needed)
        {
            throw new ArgumentException($"pixels has {pixels.Length} values but {count} images of {height}×{width} need {needed}.", nameof(pixels));
        }

        Pixels = pixels[..(int)needed];
        Count = count;
        Height = height;
        Width = width;
    }

    /// <summary>The pixel values, exactly Count × Height × Width of them.</summary>
    public ReadOnlyMemory<float> Pixels { get; }

    /// <summary>Number of images.</summary>
    public int Count { get; }

    /// <summary>Rows per image.</summary>
    public int Height { get; }

    /// <summary>Pixels per image row.</summary>
    public int Width { get; }

    /// <summary>Reads a tensor-style shape: [N, H·W] of square images (MNIST's [N, 784]), [N, H, W] or [N, 1, H, W].</summary>
    /// <remarks>A two-dimensional shape always means flat square images: for one H × W image use [1, H, W].</remarks>
    /// <exception cref="ArgumentException">Another shape, flat images that are not square, or a length that does not match the shape.</exception>
    public static GrayImageBatch FromShape(ReadOnlyMemory<float> pixels, IReadOnlyList<long> shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        string text = "[" + string.Join(", ", shape) + "]";
        (long n, long h, long w) = shape.Count switch
        {
            2 when (long)Math.Round(Math.Sqrt(shape[1])) is var side && side * side == shape[1] => (shape[0], side, side),
            2 => throw new ArgumentException($"shape {text} holds flat images of {shape[1]} pixels, which are not square; give [N, H, W].", nameof(shape)),
            3 => (shape[0], shape[1], shape[2]),
            4 when shape[1] == 1 => (shape[0], shape[2], shape[3]),
            _ => throw new ArgumentException($"shape {text} is not [N, H·W], [N, H, W] or [N, 1, H, W] of grayscale images.", nameof(shape)),
        };
        if (n * h * w != pixels.Length)
        {
            throw new ArgumentException($"shape {text} holds {n * h * w} values but pixels has {pixels.Length}.", nameof(pixels));
        }

        return new GrayImageBatch(pixels, checked((int)n), checked((int)h), checked((int)w));
    }
}
