using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Data.Analysis;

namespace LatentWorkbench.Tables;

/// <summary>The static SVG twin of a table: what GitHub's notebook viewer and exported reports show.</summary>
public static class DataFrameSvg
{
    private const double FontSize = 12;
    private const double TitleFontSize = 13;
    private const double CharWidth = 7.2;   // a generous average advance of 12 px Helvetica/Arial, digits included
    private const double RowHeight = 22;
    private const double Baseline = 15;     // text baseline below a row's top edge
    private const double CellPadding = 10;
    private const double Margin = 12;
    private const double TitleHeight = 26;
    private const string FontFamily = "Helvetica, Arial, sans-serif";
    private const string Ink = "#222222";
    private const string Stripe = "#f4f4f4";

    /// <summary>
    /// A standalone booktabs-style SVG: optional bold title, a heavy rule above and below the table and a light
    /// one under the header, striped rows, numeric columns right-aligned, cells formatted as in
    /// <see cref="DataFrameHtml.ToHtml"/>.
    /// </summary>
    /// <param name="frame">The table.</param>
    /// <param name="digits">Significant digits of floating-point cells.</param>
    /// <remarks>
    /// Column width = (longest cell's character count × 7.2 px) + 2 × 10 px padding; fonts are not measured,
    /// so the output is deterministic: same table, same bytes, in any culture.
    /// </remarks>
    public static string ToSvg(this DataFrame frame, int digits = CellText.DefaultDigits)
    {
        var cells = TableCells.Of(frame, digits);
        var rows = cells.HiddenNote is { } note
            ? [.. cells.Rows, [note, .. Enumerable.Repeat(string.Empty, cells.Headers.Length - 1)]]
            : cells.Rows;
        double[] widths = [.. cells.CharacterWidths().Select((w, j) => Math.Max(w, j == 0 && cells.HiddenNote is { } n ? n.Length : 0) * CharWidth + (2 * CellPadding))];
        double tableWidth = widths.Sum();
        double top = Margin + (cells.Title is null ? 0 : TitleHeight);
        double titleWidth = cells.Title is null ? 0 : (cells.Title.Length * CharWidth * TitleFontSize / FontSize) + (2 * CellPadding);
        double width = Math.Max(tableWidth, titleWidth) + (2 * Margin);
        double height = top + (RowHeight * (rows.Length + 1)) + Margin;

        var svg = new StringBuilder(1024);
        svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").Append(Px(width)).Append("\" height=\"").Append(Px(height))
            .Append("\" viewBox=\"0 0 ").Append(Px(width)).Append(' ').Append(Px(height))
            .Append("\" font-family=\"").Append(FontFamily).Append("\" font-size=\"12\" fill=\"").Append(Ink).Append("\">\n")
            .Append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        if (cells.Title is not null)
        {
            Text(svg, Margin, Margin + Baseline, cells.Title, end: false, TitleFontSize, bold: true);
        }

        for (int i = 0; i < rows.Length; i += 2)
        {
            svg.Append("<rect x=\"").Append(Px(Margin)).Append("\" y=\"").Append(Px(top + (RowHeight * (i + 1))))
                .Append("\" width=\"").Append(Px(tableWidth)).Append("\" height=\"").Append(Px(RowHeight)).Append("\" fill=\"").Append(Stripe).Append("\"/>\n");
        }

        DrawRow(svg, cells.Headers, widths, cells.RightAligned, top, bold: true);
        for (int i = 0; i < rows.Length; i++)
        {
            DrawRow(svg, rows[i], widths, cells.RightAligned, top + (RowHeight * (i + 1)), bold: false);
        }

        double bottom = top + (RowHeight * (rows.Length + 1));
        Rule(svg, top, tableWidth, 1.5);
        Rule(svg, top + RowHeight, tableWidth, 1);
        Rule(svg, bottom, tableWidth, 1.5);
        return svg.Append("</svg>\n").ToString();
    }

    private static void DrawRow(StringBuilder svg, string[] cells, double[] widths, bool[] right, double y, bool bold)
    {
        double x = Margin;
        for (int j = 0; j < cells.Length; j++)
        {
            double textX = right[j] ? x + widths[j] - CellPadding : x + CellPadding;
            Text(svg, textX, y + Baseline, cells[j], right[j], FontSize, bold);
            x += widths[j];
        }
    }

    private static void Rule(StringBuilder svg, double y, double tableWidth, double strokeWidth) =>
        svg.Append("<line x1=\"").Append(Px(Margin)).Append("\" y1=\"").Append(Px(y)).Append("\" x2=\"").Append(Px(Margin + tableWidth))
            .Append("\" y2=\"").Append(Px(y)).Append("\" stroke=\"").Append(Ink).Append("\" stroke-width=\"").Append(Px(strokeWidth)).Append("\"/>\n");

    private static void Text(StringBuilder svg, double x, double y, string text, bool end, double size, bool bold)
    {
        svg.Append("<text x=\"").Append(Px(x)).Append("\" y=\"").Append(Px(y)).Append('"');
        if (end)
        {
            svg.Append(" text-anchor=\"end\"");
        }

        svg.Append(" font-size=\"").Append(Px(size)).Append('"');
        if (bold)
        {
            svg.Append(" font-weight=\"bold\"");
        }

        svg.Append('>').Append(WebUtility.HtmlEncode(text)).Append("</text>\n");
    }

    /// <summary>A coordinate rounded to 0.1 px, invariant culture, never "-0".</summary>
    private static string Px(double value)
    {
        double rounded = Math.Round(value * 10) / 10;
        return (rounded == 0 ? 0 : rounded).ToString("0.#", CultureInfo.InvariantCulture);
    }
}
