using LatentWorkbench.Figures.Svg;

namespace LatentWorkbench.Figures;

/// <summary>The static SVG rendering of a result table.</summary>
public sealed partial class ResultTable
{
    private const double FontSize = 12;
    private const double CharWidth = 7.2;   // a generous average advance of 12 px Helvetica/Arial, digits included
    private const double RowHeight = 22;
    private const double CellPadding = 10;
    private const double Margin = 12;
    private const double TitleHeight = 26;

    /// <summary>A standalone SVG of the table: optional bold title, a header between two rules, striped rows,
    /// numeric columns right-aligned, cells formatted as in <see cref="ToHtml"/>.</summary>
    /// <remarks>Column widths come from the longest cell's character count (fonts are not measured), so the
    /// output is deterministic: same table, same bytes, in any culture.</remarks>
    public string ToSvg()
    {
        var cells = _rows.Select(r => r.Select(FormatCell).ToArray()).ToList();
        double[] widths = [.. Columns.Select((c, j) => (cells.Select(r => r[j].Length).Append(c.Length).Max() * CharWidth) + (2 * CellPadding))];
        bool[] right = [.. Columns.Select((_, j) => IsNumericColumn(_rows, j))];
        double tableWidth = widths.Sum();
        double top = Margin + (Title is null ? 0 : TitleHeight);
        double width = Math.Max(tableWidth, Title is null ? 0 : (Title.Length * CharWidth * 13 / FontSize) + (2 * CellPadding)) + (2 * Margin);
        double height = top + (RowHeight * (cells.Count + 1)) + Margin;

        var svg = new SvgWriter();
        svg.Raw("<svg xmlns=\"http://www.w3.org/2000/svg\"").Attr("width", width).Attr("height", height)
            .Raw(" viewBox=\"0 0 ").Num(width).Raw(" ").Num(height).Raw("\"")
            .Attr("font-family", SvgRenderer.FontFamily).Raw(" font-size=\"12\" fill=\"#222222\">\n");
        svg.Raw("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        if (Title is not null)
        {
            svg.Text(Margin, Margin + 15, Title, anchor: "start", size: 13, bold: true);
        }

        for (int i = 0; i < cells.Count; i += 2)
        {
            svg.Rect(new Box(Margin, top + (RowHeight * (i + 1)), tableWidth, RowHeight), "#f4f4f4");
        }

        DrawRow(svg, Columns, widths, right, top, bold: true);
        for (int i = 0; i < cells.Count; i++)
        {
            DrawRow(svg, cells[i], widths, right, top + (RowHeight * (i + 1)), bold: false);
        }

        double bottom = top + (RowHeight * (cells.Count + 1));
        svg.Line(Margin, top, Margin + tableWidth, top, "#222222", 1.5)
            .Line(Margin, top + RowHeight, Margin + tableWidth, top + RowHeight, "#222222")
            .Line(Margin, bottom, Margin + tableWidth, bottom, "#222222", 1.5);
        return svg.Raw("</svg>\n").ToString();
    }

    private static void DrawRow(SvgWriter svg, IReadOnlyList<string> cells, double[] widths, bool[] right, double y, bool bold)
    {
        double x = Margin;
        for (int j = 0; j < cells.Count; j++)
        {
            double textX = right[j] ? x + widths[j] - CellPadding : x + CellPadding;
            svg.Text(textX, y + 15, cells[j], anchor: right[j] ? "end" : "start", size: FontSize, bold: bold);
            x += widths[j];
        }
    }
}
