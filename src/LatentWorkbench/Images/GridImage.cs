using System.Runtime.CompilerServices;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace LatentWorkbench.Images;

/// <summary>
/// Builds one ImageSharp grayscale image out of many small ones: digit grids, reconstructions next to their
/// inputs, samples, latent traversals. Displayed in a notebook it shows as a PNG, with its labels in the HTML.
/// </summary>
/// <remarks>
/// Pixels are floats in [0, 1] (outside values clamped, NaN drawn as 0), written as round(255 × v): MNIST's
/// byte / 255 pixels come back as their original bytes. Image i goes to row i / columns, column i % columns,
/// each enlarged <see cref="GridImageStyle.Scale"/> times (nearest neighbour), with
/// <see cref="GridImageStyle.Gap"/> background pixels between images. Labels cannot be drawn into the pixels
/// (ImageSharp draws text only with ImageSharp.Drawing); they travel with the image (<see cref="LayoutOf"/>), the
/// title also as the PNG's <c>Title</c> text chunk, and the HTML rendering draws them as text.
/// </remarks>
public static class GridImage
{
    private static readonly ConditionalWeakTable<Image, GridImageLayout> Layouts = [];

    /// <summary>A grid of the first <paramref name="count"/> images in <paramref name="pixels"/>.</summary>
    /// <param name="pixels">count × imageHeight × imageWidth values in [0, 1] (the layout of <c>MnistSplit.Pixels</c>, N × 784); extra values are ignored.</param>
    /// <param name="count">How many images to show.</param>
    /// <param name="columns">Images per row (fewer when there are fewer images).</param>
    /// <param name="rowLabels">One label per row, shown at the left (null: none).</param>
    /// <param name="columnLabels">One label per column, shown on top (null: none).</param>
    /// <param name="captions">One caption per image, shown under it (null: none).</param>
    /// <param name="title">Title above the grid (null: none).</param>
    /// <param name="imageWidth">Pixels per image row (28 for MNIST).</param>
    /// <param name="imageHeight">Rows per image (28 for MNIST).</param>
    /// <param name="style">Gap, scale and colours (null: <see cref="GridImageStyle.Default"/>).</param>
    /// <exception cref="ArgumentException">Too few pixels, or a label count that does not match the rows, columns or images.</exception>
    public static Image<L8> FromPixels(
        ReadOnlySpan<float> pixels,
        int count,
        int columns,
        IReadOnlyList<string>? rowLabels = null,
        IReadOnlyList<string>? columnLabels = null,
        IReadOnlyList<string>? captions = null,
        string? title = null,
        int imageWidth = 28,
        int imageHeight = 28,
        GridImageStyle? style = null)
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

    /// <summary>A grid of every image in <paramref name="batch"/> (the adapter point for tensors; see <see cref="GrayImageBatch.FromShape"/>).</summary>
    /// <param name="batch">The images.</param>
    /// <param name="columns">Images per row.</param>
    /// <param name="rowLabels">One label per row (null: none).</param>
    /// <param name="columnLabels">One label per column (null: none).</param>
    /// <param name="captions">One caption per image (null: none).</param>
    /// <param name="title">Title above the grid (null: none).</param>
    /// <param name="style">Gap, scale and colours (null: the default).</param>
    public static Image<L8> FromBatch(
        GrayImageBatch batch,
        int columns,
        IReadOnlyList<string>? rowLabels = null,
        IReadOnlyList<string>? columnLabels = null,
        IReadOnlyList<string>? captions = null,
        string? title = null,
        GridImageStyle? style = null)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return FromPixels(batch.Pixels.Span, batch.Count, columns, rowLabels, columnLabels, captions, title, batch.Width, batch.Height, style);
    }

    /// <summary>One H × W grayscale image (a mean image, a decoded sample) at <paramref name="scale"/> output pixels per pixel.</summary>
    /// <exception cref="ArgumentException"><paramref name="pixels"/> holds fewer than height × width values.</exception>
    public static Image<L8> Single(ReadOnlySpan<float> pixels, int height, int width, string? title = null, int scale = 2) =>
        FromPixels(pixels, 1, 1, title: title, imageWidth: width, imageHeight: height, style: new GridImageStyle { Scale = scale });

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
