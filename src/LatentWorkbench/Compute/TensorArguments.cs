using TorchSharp;

namespace LatentWorkbench.Compute;

/// <summary>
/// Checks the shape of a tensor a public API received and brings it to the host once, so figures, image grids and
/// tables can read it as a span: each check names the caller's parameter and the shape it expects.
/// </summary>
/// <remarks>
/// The host copy goes through <see cref="TensorSpans.OnHost"/>: a contiguous float32 CPU tensor is read in place, any
/// other (a GPU tensor, float64, a non-contiguous view) is copied once. Dispose the returned tensors.
/// </remarks>
internal static class TensorArguments
{
    /// <summary>
    /// Grayscale images as a host tensor [N, H·W] with their height and width, from [N, H·W] of square images
    /// (MNIST's [N, 784]), [N, H, W] or [N, 1, H, W].
    /// </summary>
    /// <exception cref="ArgumentException">Another shape, or flat images that are not square.</exception>
    public static (torch.Tensor Host, int Count, int Height, int Width) Images(torch.Tensor images, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(images, parameterName);
        var shape = images.shape;
        (long n, long h, long w) = shape.Length switch
        {
            2 when (long)Math.Round(Math.Sqrt(shape[1])) is var side && side * side == shape[1] => (shape[0], side, side),
            2 => throw new ArgumentException(
                $"{parameterName} holds flat images of {shape[1]} pixels, which are not square; give [N, H, W].", parameterName),
            3 => (shape[0], shape[1], shape[2]),
            4 when shape[1] == 1 => (shape[0], shape[2], shape[3]),
            _ => throw new ArgumentException(
                $"{parameterName} must be grayscale images [N, H·W] (MNIST: [N, 784]), [N, H, W] or [N, 1, H, W]; got {Shape(images)}.", parameterName),
        };
        using var host = TensorSpans.OnHost(images, parameterName);
        return (host.reshape(n, h * w), checked((int)n), checked((int)h), checked((int)w));
    }

    /// <summary><paramref name="points"/> as a host tensor [N, <paramref name="columns"/>].</summary>
    /// <exception cref="ArgumentException">The tensor is not [N, columns].</exception>
    public static torch.Tensor Points(torch.Tensor points, string parameterName, int columns = 2)
    {
        ArgumentNullException.ThrowIfNull(points, parameterName);
        if (points.dim() != 2 || points.shape[1] != columns)
        {
            throw new ArgumentException($"{parameterName} must be [N, {columns}] (one row per point); got {Shape(points)}.", parameterName);
        }

        return TensorSpans.OnHost(points, parameterName);
    }

    /// <summary>One value per example as a host tensor [N] (an [N] or [N, 1] tensor).</summary>
    /// <exception cref="ArgumentException">Another shape, or <paramref name="count"/> given and not N.</exception>
    public static torch.Tensor Values(torch.Tensor values, string parameterName, long? count = null)
    {
        ArgumentNullException.ThrowIfNull(values, parameterName);
        bool vector = values.dim() == 1 || (values.dim() == 2 && values.shape[1] == 1);
        if (!vector || (count is { } n && values.shape[0] != n))
        {
            throw new ArgumentException(
                $"{parameterName} must be [{(count is { } c ? c.ToString(System.Globalization.CultureInfo.InvariantCulture) : "N")}] (one value per example); got {Shape(values)}.",
                parameterName);
        }

        using var host = TensorSpans.OnHost(values, parameterName);
        return host.reshape(values.shape[0]);
    }

    /// <summary>
    /// Integer class labels [N] (any integer dtype, any device) as an array (one copy); with <paramref name="count"/>,
    /// N must be that count (one label per row of the data they go with).
    /// </summary>
    /// <exception cref="ArgumentException">A floating-point tensor, a shape other than [N], or N other than <paramref name="count"/>.</exception>
    public static int[] Labels(torch.Tensor labels, string parameterName, long? count = null)
    {
        ArgumentNullException.ThrowIfNull(labels, parameterName);
        if (labels.is_floating_point() || labels.dim() != 1 || (count is { } n && labels.shape[0] != n))
        {
            string expected = count is { } c ? c.ToString(System.Globalization.CultureInfo.InvariantCulture) : "N";
            throw new ArgumentException(
                $"{parameterName} must be an integer tensor [{expected}] (one class per example); got {labels.dtype} {Shape(labels)}.", parameterName);
        }

        using var host = labels.detach().to(torch.int32).cpu().contiguous();
        return host.data<int>().ToArray();
    }

    private static string Shape(torch.Tensor tensor) => "[" + string.Join(", ", tensor.shape) + "]";
}
