using System.Runtime.CompilerServices;
using LatentWorkbench.Compute;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using TorchSharp;

namespace LatentWorkbench.Images;

/// <summary>
/// Builds one ImageSharp grayscale image out of many small ones: digit grids, reconstructions next to their
/// inputs, samples, latent traversals. Displayed in a notebook it shows as a PNG, with its labels in the HTML.
/// </summary>
/// <remarks>
/// Pixels are floats in [0, 1] (outside values clamped, NaN drawn as 0), written as round(255 × v): MNIST's
/// byte / 255 pixels come back as their original bytes. Image i goes to row i / columns, column i % columns,
/// each enlarged <see cref="GridImageStyle.Scale"/> times (nearest neighbour), with
/// <see cref="GridImageStyle.Gap"/> background pixels between images. The image itself holds only the digits; the
/// labels travel with it (<see cref="LayoutOf"/>), the title also as the PNG's <c>Title</c> text chunk. Every rendering
/// shows them: the HTML and SVG as text around the pixels, the displayed and exported PNG drawn into its pixels with a
/// small pixel font (<see cref="ImagePng.ToLabelledPngBytes"/>).
/// </remarks>
public static class GridImage
{
    private static readonly ConditionalWeakTable<Image, GridImageLayout> Layouts = [];

    /// <summary>A grid of every image in <paramref name="images"/>.</summary>
    /// <param name="images">
    /// Values in [0, 1]: [N, H·W] of square images (an <c>MnistSplit.Images</c> tensor or a decoder's output, [N, 784]),
    /// [N, H, W] or [N, 1, H, W], on any device and of any float dtype (copied to the host once unless it is a
    /// contiguous float32 CPU tensor, which is read in place). Narrow it to show fewer.
    /// </param>
    /// <param name="columns">Images per row (fewer when there are fewer images).</param>
    /// <param name="rowLabels">One label per row, shown at the left (null: none).</param>
    /// <param name="columnLabels">One label per column, shown on top (null: none).</param>
    /// <param name="captions">One caption per image, shown under it (null: none).</param>
    /// <param name="title">Title above the grid (null: none).</param>
    /// <param name="style">Gap, scale and colours (null: <see cref="GridImageStyle.Default"/>).</param>
    /// <exception cref="ArgumentException">Another shape, no images, or a label count that does not match the rows, columns or images.</exception>
    public static Image<L8> FromImages(
        torch.Tensor images,
        int columns,
        IReadOnlyList<string>? rowLabels = null,
        IReadOnlyList<string>? columnLabels = null,
        IReadOnlyList<string>? captions = null,
        string? title = null,
        GridImageStyle? style = null)
    {
        var (host, count, height, width) = TensorArguments.Images(images, nameof(images));
        using (host)
        {
            if (count == 0)
            {
                throw new ArgumentException("images holds no image; a grid needs at least one.", nameof(images));
            }

            return Draw(TensorSpans.Floats(host), count, columns, rowLabels, columnLabels, captions, title, width, height, style);
        }
    }

    /// <summary>One image (a mean image, a decoded sample) at <paramref name="scale"/> output pixels per pixel.</summary>
    /// <param name="image">[H, W], [1, H, W], [1, 1, H, W] or a flat square image [H·W] (MNIST: [784]), on any device.</param>
    /// <param name="title">Title above the image (null: none).</param>
    /// <param name="scale">Output pixels per image pixel.</param>
    /// <exception cref="ArgumentException">Another shape, or more than one image.</exception>
    public static Image<L8> Single(torch.Tensor image, string? title = null, int scale = 2)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.dim() == 0)
        {
            throw new ArgumentException("image must be one image ([H, W] or [H·W]); got a scalar.", nameof(image));
        }

        using var batch = image.dim() switch
        {
            1 => image.reshape(1, image.shape[0]),
            2 => image.unsqueeze(0),
            _ => image.alias(),
        };
        if (batch.shape[0] != 1)
        {
            throw new ArgumentException($"image must be one image ([H, W] or [H·W]); got [{string.Join(", ", image.shape)}].", nameof(image));
        }

        return FromImages(batch, 1, title: title, style: new GridImageStyle { Scale = scale });
    }

    // The drawing itself, over count × imageHeight × imageWidth row-major values (extra values ignored).
    private static Image<L8> Draw(
        ReadOnlySpan<float> pixels,
        int count,
        int columns,
        IReadOnlyList<string>? rowLabels,
        IReadOnlyList<string>? columnLabels,
        IReadOnlyList<string>? captions,
        string? title,
        int imageWidth,
        int imageHeight,
        GridImageStyle? style)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(imageWidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(imageHeight, 1);
        long needed = (long)count * imageWidth * imageHeight;
        if (pixels.Length < needed)
        {
            throw new ArgumentException($"pixels has {pixels.Length} values but {count} images of {imageHeight}×{imageWidth} need {needed}.", nameof(pixels));
        }

        style ??= GridImageStyle.Default;
        style.Validate();
        int s = style.Scale;
        int columnsUsed = Math.Min(columns, count);
        var layout = new GridImageLayout
        {
            Count = count,
            Columns = columnsUsed,
            CellWidth = imageWidth * s,
            CellHeight = imageHeight * s,
            Gap = style.Gap * s,
            CaptionStrip = captions is null ? 0 : style.CaptionStrip * s,
            Title = title,
        };
        layout = layout with
        {
            RowLabels = Check(rowLabels, layout.Rows, nameof(rowLabels), "rows"),
            ColumnLabels = Check(columnLabels, columnsUsed, nameof(columnLabels), "columns"),
            Captions = Check(captions, count, nameof(captions), "images"),
        };

        int width = (columnsUsed * layout.CellWidth) + ((columnsUsed - 1) * layout.Gap);
        int height = (layout.Rows * (layout.CellHeight + layout.CaptionStrip)) + ((layout.Rows - 1) * layout.Gap);
        var gray = new byte[width * height];
        Array.Fill(gray, style.Invert ? (byte)215 : (byte)255);   // gaps: white, light gray behind inverted digits
        for (int i = 0; i < count; i++)
        {
            var (left, top) = layout.Origin(i);
            var image = pixels.Slice(i * imageWidth * imageHeight, imageWidth * imageHeight);
            for (int y = 0; y < layout.CellHeight; y++)
            {
                var source = image.Slice((y / s) * imageWidth, imageWidth);
                var row = gray.AsSpan(((top + y) * width) + left, layout.CellWidth);
                for (int x = 0; x < row.Length; x++)
                {
                    byte v = ToByte(source[x / s]);
                    row[x] = style.Invert ? (byte)(255 - v) : v;
                }
            }
        }

        var result = Image.LoadPixelData<L8>(gray, width, height);
        Layouts.AddOrUpdate(result, layout);
        if (title is not null)
        {
            result.Metadata.GetPngMetadata().TextData.Add(new SixLabors.ImageSharp.Formats.Png.PngTextData("Title", title, string.Empty, string.Empty));
        }

        return result;
    }

    /// <summary>The layout and labels of an image built here, or null for any other image.</summary>
    public static GridImageLayout? LayoutOf(Image image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return Layouts.TryGetValue(image, out var layout) ? layout : null;
    }

    private static byte ToByte(float v) => (byte)Math.Round(255 * (float.IsNaN(v) ? 0 : Math.Clamp(v, 0f, 1f)));

    private static string[]? Check(IReadOnlyList<string>? labels, int expected, string name, string what)
    {
        if (labels is not null && labels.Count != expected)
        {
            throw new ArgumentException($"{name} has {labels.Count} entries but the grid has {expected} {what}.", name);
        }

        return labels is null ? null : [.. labels];
    }
}
