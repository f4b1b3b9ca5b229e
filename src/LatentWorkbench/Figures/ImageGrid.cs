using LatentWorkbench.Figures.Display;

namespace LatentWorkbench.Figures;

/// <summary>
/// A grid of small grayscale images (MNIST digits, reconstructions, samples) with optional row labels,
/// column labels and a caption under each image.
/// </summary>
/// <remarks>
/// Pixels are given as floats in [0, 1] (values outside are clamped), image after image, each row-major
/// of <c>imageHeight × imageWidth</c>: the layout of <c>MnistSplit.Pixels</c> (N × 784). Image i goes to
/// row i / columns, column i % columns. By default ink (1) is white on black, as digits are usually shown.
/// Kept only for the SVG image panel and `figure demo`; a notebook
/// shows images as ImageSharp images built by <see cref="Images.GridImage"/>.
/// </remarks>
[TypeFormatterSource(typeof(FigureFormatterSource), PreferredMimeTypes = [Display.MimeTypes.Html, Display.MimeTypes.Svg])]
public sealed partial class ImageGrid : IMimeRenderable
{
    private readonly byte[] _gray;

    private ImageGrid(byte[] gray, int count, int columns, int imageWidth, int imageHeight)
    {
        _gray = gray;
        Count = count;
        Columns = columns;
        ImageWidth = imageWidth;
        ImageHeight = imageHeight;
    }

    /// <summary>Builds a grid from the first <paramref name="count"/> images in <paramref name="pixels"/>.</summary>
    /// <param name="pixels">count × imageHeight × imageWidth values in [0, 1] (slice a larger array with <c>AsSpan</c>).</param>
    /// <param name="count">How many images to show.</param>
    /// <param name="columns">Images per row.</param>
    /// <param name="rowLabels">One label per row, drawn at the left (null: none).</param>
    /// <param name="columnLabels">One label per column, drawn on top (null: none).</param>
    /// <param name="captions">One caption per image, drawn under it (null: none).</param>
    /// <param name="title">Title above the grid.</param>
    /// <param name="imageWidth">Pixels per image row (28 for MNIST).</param>
    /// <param name="imageHeight">Rows per image (28 for MNIST).</param>
    /// <exception cref="ArgumentException">A size or label count does not match.</exception>
    public static ImageGrid FromPixels(
        ReadOnlySpan<float> pixels,
        int count,
        int columns,
        IReadOnlyList<string>? rowLabels = null,
        IReadOnlyList<string>? columnLabels = null,
        IReadOnlyList<string>? captions = null,
        string? title = null,
        int imageWidth = 28,
        int imageHeight = 28)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(imageWidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(imageHeight, 1);
        long needed = (long)count * imageWidth * imageHeight;
        if (pixels.Length < needed)
        {
            throw new ArgumentException(
                $"pixels has {pixels.Length} values but {count} images of {imageHeight}×{imageWidth} need {needed}.", nameof(pixels));
        }

        var gray = new byte[needed];
        for (int i = 0; i < gray.Length; i++)
        {
            float v = pixels[i];
            gray[i] = (byte)Math.Round(255 * (float.IsNaN(v) ? 0 : Math.Clamp(v, 0f, 1f)));
        }

        int columnsUsed = Math.Min(columns, count);
        var grid = new ImageGrid(gray, count, columnsUsed, imageWidth, imageHeight) { Title = title };
        grid.RowLabels = Check(rowLabels, grid.Rows, nameof(rowLabels), "rows");
        grid.ColumnLabels = Check(columnLabels, grid.Columns, nameof(columnLabels), "columns");
        grid.Captions = Check(captions, count, nameof(captions), "images");
        return grid;
    }

    /// <summary>Number of images.</summary>
    public int Count { get; }

    /// <summary>Images per row.</summary>
    public int Columns { get; }

    /// <summary>Number of rows: ⌈Count / Columns⌉.</summary>
    public int Rows => (Count + Columns - 1) / Columns;

    /// <summary>Width of each image in pixels.</summary>
    public int ImageWidth { get; }

    /// <summary>Height of each image in pixels.</summary>
    public int ImageHeight { get; }

    /// <summary>Title above the grid (null: none).</summary>
    public string? Title { get; set; }

    /// <summary>Labels at the left of each row (null: none).</summary>
    public IReadOnlyList<string>? RowLabels { get; private set; }

    /// <summary>Labels above each column (null: none).</summary>
    public IReadOnlyList<string>? ColumnLabels { get; private set; }

    /// <summary>Captions under each image (null: none).</summary>
    public IReadOnlyList<string>? Captions { get; private set; }

    /// <summary>Screen pixels per image pixel in the SVG, HTML and PNG renderings.</summary>
    public int PixelScale { get; set; } = 2;

    /// <summary>Draw ink dark on white instead of white on black.</summary>
    public bool Invert { get; set; }

    /// <summary>Image <paramref name="index"/>'s gray bytes (0–255, before <see cref="Invert"/>).</summary>
    public ReadOnlySpan<byte> Image(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        int size = ImageWidth * ImageHeight;
        return _gray.AsSpan(index * size, size);
    }

    /// <summary>The grid as a one-panel scene for the SVG renderer.</summary>
    internal SvgScene ToScene() => new(new Panel(new ImageTrace(this)) { Title = Title });

    /// <inheritdoc/>
    public override string ToString() => $"ImageGrid \"{Title ?? "untitled"}\" ({Count} images of {ImageHeight}×{ImageWidth}, {Rows}×{Columns})";

    private static string[]? Check(IReadOnlyList<string>? labels, int expected, string name, string what)
    {
        if (labels is not null && labels.Count != expected)
        {
            throw new ArgumentException($"{name} has {labels.Count} entries but the grid has {expected} {what}.", name);
        }

        return labels is null ? null : [.. labels];
    }

    /// <summary>The gray value of image pixel (i, x, y) as drawn (inversion applied).</summary>
    internal byte Shade(int index, int x, int y)
    {
        byte v = _gray[(index * ImageWidth * ImageHeight) + (y * ImageWidth) + x];
        return Invert ? (byte)(255 - v) : v;
    }
}
