namespace LatentWorkbench.Images;

/// <summary>Where each image of a grid image lies, and its labels: what the HTML rendering draws around the pixels.</summary>
/// <remarks>All sizes are in pixels of the final (scaled) image. Image i sits in row i / Columns, column i % Columns, its
/// top-left corner at (column × (CellWidth + Gap), row × (CellHeight + CaptionStrip + Gap)).</remarks>
public sealed record GridImageLayout
{
    /// <summary>Number of images.</summary>
    public required int Count { get; init; }

    /// <summary>Images per row.</summary>
    public required int Columns { get; init; }

    /// <summary>Number of rows: ⌈Count / Columns⌉.</summary>
    public int Rows => (Count + Columns - 1) / Columns;

    /// <summary>Width of one image.</summary>
    public required int CellWidth { get; init; }

    /// <summary>Height of one image (its caption strip excluded).</summary>
    public required int CellHeight { get; init; }

    /// <summary>Space between neighbouring images.</summary>
    public required int Gap { get; init; }

    /// <summary>Space under each image for its caption (0 without captions).</summary>
    public required int CaptionStrip { get; init; }

    /// <summary>Title above the grid, or null.</summary>
    public string? Title { get; init; }

    /// <summary>One label per row, or null.</summary>
    public IReadOnlyList<string>? RowLabels { get; init; }

    /// <summary>One label per column, or null.</summary>
    public IReadOnlyList<string>? ColumnLabels { get; init; }

    /// <summary>One caption per image, or null.</summary>
    public IReadOnlyList<string>? Captions { get; init; }

    /// <summary>Top-left pixel of image <paramref name="index"/>.</summary>
    public (int X, int Y) Origin(int index) =>
        ((index % Columns) * (CellWidth + Gap), (index / Columns) * (CellHeight + CaptionStrip + Gap));
}
