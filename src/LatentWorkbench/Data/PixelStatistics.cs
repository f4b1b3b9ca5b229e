using LatentWorkbench.Compute;

namespace LatentWorkbench.Data;

/// <summary>Per-pixel mean and variance of a set of images: where the information in pixel space is.</summary>
/// <remarks>
/// Population statistics (divide by N), accumulated in float64 in two passes (mean, then squared deviations),
/// so the variance of near-constant border pixels is not lost to cancellation.
/// </remarks>
public sealed class PixelStatistics
{
    private PixelStatistics(double[] mean, double[] variance, int width)
    {
        Mean = mean;
        Variance = variance;
        Width = width;
    }

    /// <summary>The mean of each pixel, row-major (length = pixels per image).</summary>
    public IReadOnlyList<double> Mean { get; }

    /// <summary>The population variance of each pixel, row-major.</summary>
    public IReadOnlyList<double> Variance { get; }

    /// <summary>The image width in pixels (28 for MNIST).</summary>
    public int Width { get; }

    /// <summary>The mean as a height×width array, ready for a heatmap.</summary>
    public double[,] MeanImage => ToImage(Mean, Width);

    /// <summary>The variance as a height×width array, ready for a heatmap.</summary>
    public double[,] VarianceImage => ToImage(Variance, Width);

    /// <summary>Statistics of an MNIST split (28×28 images).</summary>
    public static PixelStatistics Of(MnistSplit split)
    {
        ArgumentNullException.ThrowIfNull(split);
        using var host = TensorSpans.OnHost(split.Images, nameof(split));
        return Of(TensorSpans.Floats(host), split.Count, MnistSplit.Side);
    }

    /// <summary>Statistics of <paramref name="count"/> row-major images of <paramref name="width"/>² pixels.</summary>
    internal static PixelStatistics Of(ReadOnlySpan<float> pixels, int count, int width)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        int size = width * width;
        if (pixels.Length != count * size)
        {
            throw new ArgumentException($"pixels has {pixels.Length} values; expected {count} images × {size} = {count * size}.", nameof(pixels));
        }

        var mean = new double[size];
        var variance = new double[size];
        for (int i = 0; i < count; i++)
        {
            var image = pixels.Slice(i * size, size);
            for (int p = 0; p < size; p++)
            {
                mean[p] += image[p];
            }
        }

        for (int p = 0; p < size; p++)
        {
            mean[p] /= count;
        }

        for (int i = 0; i < count; i++)
        {
            var image = pixels.Slice(i * size, size);
            for (int p = 0; p < size; p++)
            {
                double deviation = image[p] - mean[p];
                variance[p] += deviation * deviation;
            }
        }

        for (int p = 0; p < size; p++)
        {
            variance[p] /= count;
        }

        return new PixelStatistics(mean, variance, width);
    }

    /// <summary>How many pixels vary less than <paramref name="threshold"/> (the dead border of MNIST).</summary>
    public int CountWithVarianceBelow(double threshold) => Variance.Count(v => v < threshold);

    private static double[,] ToImage(IReadOnlyList<double> values, int width)
    {
        var image = new double[values.Count / width, width];
        for (int p = 0; p < values.Count; p++)
        {
            image[p / width, p % width] = values[p];
        }

        return image;
    }
}
