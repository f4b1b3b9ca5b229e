using LatentWorkbench.Images;

namespace LatentWorkbench.Figures;

/// <summary>
/// One composite bitmap of a whole grid (gaps and caption strips included), and where each image,
/// label and caption goes when the composite is drawn into a box at some scale. The SVG and Plotly
/// renderings share it.
/// </summary>
internal sealed class ImageGridLayout
{
    public const int Gap = 2;
    public const double LabelFont = 11;

    private ImageGridLayout(ImageGrid grid)
    {
        Grid = grid;
        CaptionStrip = grid.Captions is null ? 0 : 7;
        Width = (grid.Columns * grid.ImageWidth) + ((grid.Columns - 1) * Gap);
        Height = (grid.Rows * (grid.ImageHeight + CaptionStrip)) + ((grid.Rows - 1) * Gap);
    }

    public ImageGrid Grid { get; }

    /// <summary>Composite pixels reserved under each image for its caption.</summary>
    public int CaptionStrip { get; }

    /// <summary>Composite width in image pixels.</summary>
    public int Width { get; }

    /// <summary>Composite height in image pixels.</summary>
    public int Height { get; }

    /// <summary>Space for row labels at the left, in screen pixels.</summary>
    public double LeftMargin => Grid.RowLabels is null ? 6 : 12 + (Grid.RowLabels.Max(l => l.Length) * PanelFrame.CharWidth);

    /// <summary>Space for column labels on top, in screen pixels.</summary>
    public double TopMargin => Grid.ColumnLabels is null ? 6 : 20;

    public static ImageGridLayout Of(ImageGrid grid) => new(grid);

    /// <summary>Top-left composite pixel of image <paramref name="index"/>.</summary>
    public (int X, int Y) Origin(int index) =>
        ((index % Grid.Columns) * (Grid.ImageWidth + Gap), (index / Grid.Columns) * (Grid.ImageHeight + CaptionStrip + Gap));

    /// <summary>Natural size in screen pixels at the grid's <see cref="ImageGrid.PixelScale"/>, title included.</summary>
    public (int Width, int Height) NaturalSize(bool withTitle)
    {
        int s = Math.Max(1, Grid.PixelScale);
        double w = LeftMargin + (Width * s) + 8;
        double h = (withTitle && Grid.Title is not null ? 30 : 0) + TopMargin + (Height * s) + 8;
        return ((int)Math.Ceiling(w), (int)Math.Ceiling(h));
    }

    /// <summary>Where the composite goes inside <paramref name="box"/> (margins for labels kept), and its scale.</summary>
    public (Box Image, double Scale) Fit(Box box)
    {
        double availableW = box.Width - LeftMargin - 8, availableH = box.Height - TopMargin - 8;
        double scale = Math.Max(0.05, Math.Min(availableW / Width, availableH / Height));
        double w = Width * scale, h = Height * scale;
        double x = box.X + LeftMargin + ((availableW - w) / 2);
        double y = box.Y + TopMargin + ((availableH - h) / 2);
        return (new Box(x, y, w, h), scale);
    }

    /// <summary>The composite as gray bytes (gaps and caption strips white; light gray when inverted).</summary>
    public byte[] Composite()
    {
        var grid = Grid;
        var pixels = new byte[Width * Height];
        Array.Fill(pixels, grid.Invert ? (byte)215 : (byte)255);
        for (int i = 0; i < grid.Count; i++)
        {
            var (ox, oy) = Origin(i);
            for (int y = 0; y < grid.ImageHeight; y++)
            {
                int row = (oy + y) * Width;
                for (int x = 0; x < grid.ImageWidth; x++)
                {
                    pixels[row + ox + x] = grid.Shade(i, x, y);
                }
            }
        }

        return pixels;
    }

    /// <summary>The composite as a PNG, enlarged by an integer factor (nearest neighbour).</summary>
    public byte[] CompositePng(int factor)
    {
        factor = Math.Max(1, factor);
        byte[] composite = Composite();
        if (factor == 1)
        {
            return ImagePng.EncodeGray(composite, Width, Height);
        }

        int w = Width * factor, h = Height * factor;
        var scaled = new byte[w * h];
        for (int y = 0; y < h; y++)
        {
            int source = (y / factor) * Width;
            for (int x = 0; x < w; x++)
            {
                scaled[(y * w) + x] = composite[source + (x / factor)];
            }
        }

        return ImagePng.EncodeGray(scaled, w, h);
    }

    /// <summary>A PNG data URI of the composite at 1 screen pixel per image pixel.</summary>
    public string DataUri() => "data:image/png;base64," + Convert.ToBase64String(CompositePng(1));
}
