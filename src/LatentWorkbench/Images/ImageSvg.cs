using System.Globalization;
using System.Net;
using System.Text;
using SixLabors.ImageSharp;

namespace LatentWorkbench.Images;

/// <summary>
/// The SVG rendering of an image: the PNG embedded pixel for pixel, with a grid's title, row labels, column labels
/// and image captions as SVG text, so a report that takes the SVG can tell which row is which.
/// </summary>
/// <remarks>Same geometry as <see cref="ImageHtml"/>: the title on top, row labels in a column at the left (sized for the longest label), column labels above the images.</remarks>
public static class ImageSvg
{
    private const int LabelCharWidth = 7;   // generous average advance of 11 px Helvetica/Arial
    private const int ColumnLabelHeight = 16;
    private const int TitleHeight = 22;

    /// <summary>A standalone SVG document of the image with its labels (no script, no external file).</summary>
    public static string ToSvg(this Image image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var layout = GridImage.LayoutOf(image);
        int titleHeight = layout?.Title is null ? 0 : TitleHeight;
        int left = layout?.RowLabels is { } rows ? 8 + (rows.Max(l => l.Length) * LabelCharWidth) : 0;
        int top = titleHeight + (layout?.ColumnLabels is null ? 0 : ColumnLabelHeight);
        int width = Math.Max(left + image.Width, (layout?.Title?.Length ?? 0) * 8);
        int height = top + image.Height;
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"11\" fill=\"#222222\">\n"));
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        if (layout?.Title is { } title)
        {
            svg.Append("<text x=\"0\" y=\"15\" font-size=\"13\" font-weight=\"bold\">").Append(Text(title)).Append("</text>\n");
        }

        svg.Append(Invariant($"<image x=\"{left}\" y=\"{top}\" width=\"{image.Width}\" height=\"{image.Height}\" style=\"image-rendering:pixelated\" xlink:href=\"{image.ToPngDataUri()}\"/>\n"));
        if (layout is not null)
        {
            AppendLabels(svg, layout, left, top);
        }

        return svg.Append("</svg>\n").ToString();
    }

    private static void AppendLabels(StringBuilder svg, GridImageLayout layout, int left, int top)
    {
        int rowPitch = layout.CellHeight + layout.CaptionStrip + layout.Gap;
        for (int r = 0; r < (layout.RowLabels?.Count ?? 0); r++)
        {
            int y = top + (r * rowPitch) + (layout.CellHeight / 2) + 4;
            svg.Append(Invariant($"<text x=\"0\" y=\"{y}\">")).Append(Text(layout.RowLabels![r])).Append("</text>\n");
        }

        for (int c = 0; c < (layout.ColumnLabels?.Count ?? 0); c++)
        {
            int x = left + (c * (layout.CellWidth + layout.Gap)) + (layout.CellWidth / 2);
            svg.Append(Invariant($"<text x=\"{x}\" y=\"{top - 4}\" text-anchor=\"middle\">")).Append(Text(layout.ColumnLabels![c])).Append("</text>\n");
        }

        int captionSize = Math.Max(8, layout.CaptionStrip - 2);
        for (int i = 0; i < (layout.Captions?.Count ?? 0); i++)
        {
            var (x, y) = layout.Origin(i);
            svg.Append(Invariant($"<text x=\"{left + x + (layout.CellWidth / 2)}\" y=\"{top + y + layout.CellHeight + layout.CaptionStrip - 2}\" text-anchor=\"middle\" font-size=\"{captionSize}\">"))
                .Append(Text(layout.Captions![i])).Append("</text>\n");
        }
    }

    private static string Text(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
