using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace LatentWorkbench.Images;

/// <summary>
/// A grid image with its title, row labels, column labels and image captions drawn into the pixels (<see cref="PixelFont"/>),
/// for the formats that cannot carry text beside the pixels: the PNG a notebook shows where HTML is not rendered, and
/// the PNG a report takes from the runner's figures folder.
/// </summary>
/// <remarks>
/// The text is scaled like the digits (one font pixel per image pixel: a 28-pixel digit at scale 2 gets 2-pixel font
/// pixels). The title goes in a strip above, column labels in a strip above the images, row labels in a column at the
/// left, captions in the strips the grid already leaves under its images.
/// </remarks>
internal static class GridImageLabels
{
    private const byte Ink = 34;          // #222222, the text colour of the HTML and SVG renderings
    private const byte Paper = 255;
    private const int DigitSide = 28;     // MNIST: the image side the text scale is measured against

    /// <summary>The grid with its labels drawn, or null when <paramref name="image"/> has no layout or nothing to label.</summary>
    public static Image<L8>? Draw(Image image)
    {
        if (image is not Image<L8> grid || GridImage.LayoutOf(image) is not { } layout
            || (layout.Title is null && layout.RowLabels is null && layout.ColumnLabels is null && layout.Captions is null))
        {
            return null;
        }

        int u = Math.Clamp(layout.CellHeight / DigitSide, 1, 4);
        int titleHeight = layout.Title is null ? 0 : (PixelFont.GlyphHeight + 4) * u;
        int columnLabelHeight = layout.ColumnLabels is null ? 0 : (PixelFont.GlyphHeight + 2) * u;
        int left = layout.RowLabels is { } rows ? rows.Max(l => PixelFont.Width(l, u)) + (3 * u) : 0;
        int top = titleHeight + columnLabelHeight;
        int width = Math.Max(left + grid.Width, layout.Title is null ? 0 : PixelFont.Width(layout.Title, u) + 1);
        int height = top + grid.Height;
        var pixels = new byte[width * height];
        Array.Fill(pixels, Paper);
        CopyGrid(grid, pixels, width, left, top);

        if (layout.Title is { } title)
        {
            PixelFont.Draw(pixels, width, title, 0, 2 * u, u, Ink, bold: true);
        }

        int rowPitch = layout.CellHeight + layout.CaptionStrip + layout.Gap;
        for (int r = 0; r < (layout.RowLabels?.Count ?? 0); r++)
        {
            int y = top + (r * rowPitch) + ((layout.CellHeight - (PixelFont.GlyphHeight * u)) / 2);
            PixelFont.Draw(pixels, width, layout.RowLabels![r], 0, y, u, Ink);
        }

        for (int c = 0; c < (layout.ColumnLabels?.Count ?? 0); c++)
        {
            string label = layout.ColumnLabels![c];
            int x = left + (c * (layout.CellWidth + layout.Gap)) + ((layout.CellWidth - PixelFont.Width(label, u)) / 2);
            PixelFont.Draw(pixels, width, label, x, titleHeight, u, Ink);
        }

        int captionScale = Math.Max(1, Math.Min(u, layout.CaptionStrip / PixelFont.GlyphHeight));
        for (int i = 0; i < (layout.Captions?.Count ?? 0); i++)
        {
            var (x, y) = layout.Origin(i);
            string caption = layout.Captions![i];
            PixelFont.Draw(pixels, width, caption,
                left + x + ((layout.CellWidth - PixelFont.Width(caption, captionScale)) / 2),
                top + y + layout.CellHeight + ((layout.CaptionStrip - (PixelFont.GlyphHeight * captionScale)) / 2),
                captionScale, Ink);
        }

        var labelled = Image.LoadPixelData<L8>(pixels, width, height);
        if (layout.Title is not null)
        {
            labelled.Metadata.GetPngMetadata().TextData.Add(new SixLabors.ImageSharp.Formats.Png.PngTextData("Title", layout.Title, string.Empty, string.Empty));
        }

        return labelled;
    }

    private static void CopyGrid(Image<L8> grid, byte[] pixels, int width, int left, int top) =>
        grid.ProcessPixelRows(accessor =>
        {
            for (int y = 0; y < accessor.Height; y++)
            {
                var row = accessor.GetRowSpan(y);
                for (int x = 0; x < row.Length; x++)
                {
                    pixels[((top + y) * width) + left + x] = row[x].PackedValue;
                }
            }
        });
}
