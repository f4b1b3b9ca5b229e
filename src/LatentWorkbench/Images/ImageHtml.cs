using System.Globalization;
using System.Net;
using System.Text;
using SixLabors.ImageSharp;

namespace LatentWorkbench.Images;

/// <summary>The HTML rendering of an image: the PNG inline, with a grid's title and labels as text around it.</summary>
public static class ImageHtml
{
    private const int LabelCharWidth = 7;   // generous average advance of 11 px Helvetica/Arial
    private const int ColumnLabelHeight = 16;

    /// <summary>
    /// A <c>&lt;figure&gt;</c> with the image as an <c>&lt;img&gt;</c> holding its PNG as a data URI (no script,
    /// no file, so it shows offline and survives copying the notebook), drawn pixel for pixel
    /// (<c>image-rendering: pixelated</c>). For a grid from <see cref="GridImage"/>: the title as the caption,
    /// row labels at the left, column labels on top and image captions in the strips under the images.
    /// </summary>
    public static string ToHtml(this Image image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var layout = GridImage.LayoutOf(image);
        string alt = WebUtility.HtmlEncode(layout?.Title ?? "image");
        var html = new StringBuilder("<figure class=\"latentworkbench-image\" style=\"margin:0;font:11px Helvetica, Arial, sans-serif;color:#222222\">\n");
        if (layout?.Title is { } title)
        {
            html.Append("<figcaption style=\"font-weight:bold;font-size:13px;margin:0 0 6px 0\">").Append(WebUtility.HtmlEncode(title)).Append("</figcaption>\n");
        }

        int left = layout?.RowLabels is { } rows ? 8 + (rows.Max(l => l.Length) * LabelCharWidth) : 0;
        int top = layout?.ColumnLabels is null ? 0 : ColumnLabelHeight;
        html.Append(Invariant($"<div style=\"position:relative;width:{left + image.Width}px;height:{top + image.Height}px\">\n"));
        html.Append(Invariant($"<img src=\"{image.ToPngDataUri()}\" width=\"{image.Width}\" height=\"{image.Height}\" alt=\"{alt}\" style=\"position:absolute;left:{left}px;top:{top}px;image-rendering:pixelated\">\n"));
        if (layout is not null)
        {
            AppendLabels(html, layout, left, top);
        }

        return html.Append("</div>\n</figure>\n").ToString();
    }

    private static void AppendLabels(StringBuilder html, GridImageLayout layout, int left, int top)
    {
        int rowPitch = layout.CellHeight + layout.CaptionStrip + layout.Gap;
        for (int r = 0; r < (layout.RowLabels?.Count ?? 0); r++)
        {
            int y = top + (r * rowPitch) + (layout.CellHeight / 2) - 7;
            html.Append(Invariant($"<span style=\"position:absolute;left:0;top:{y}px;white-space:nowrap\">")).Append(WebUtility.HtmlEncode(layout.RowLabels![r])).Append("</span>\n");
        }

        for (int c = 0; c < (layout.ColumnLabels?.Count ?? 0); c++)
        {
            int x = left + (c * (layout.CellWidth + layout.Gap));
            html.Append(Invariant($"<span style=\"position:absolute;left:{x}px;top:0;width:{layout.CellWidth}px;text-align:center\">")).Append(WebUtility.HtmlEncode(layout.ColumnLabels![c])).Append("</span>\n");
        }

        for (int i = 0; i < (layout.Captions?.Count ?? 0); i++)
        {
            var (x, y) = layout.Origin(i);
            html.Append(Invariant($"<span style=\"position:absolute;left:{left + x}px;top:{top + y + layout.CellHeight}px;width:{layout.CellWidth}px;height:{layout.CaptionStrip}px;line-height:{layout.CaptionStrip}px;font-size:{Math.Max(8, layout.CaptionStrip - 2)}px;text-align:center;overflow:hidden\">"))
                .Append(WebUtility.HtmlEncode(layout.Captions![i])).Append("</span>\n");
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
