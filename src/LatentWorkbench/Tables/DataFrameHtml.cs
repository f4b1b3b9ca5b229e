using System.Net;
using System.Text;
using Microsoft.Data.Analysis;

namespace LatentWorkbench.Tables;

/// <summary>The HTML and plain-text renderings of a table, as notebooks show it.</summary>
public static class DataFrameHtml
{
    /// <summary>An HTML <c>&lt;table&gt;</c>: caption from the title, header row, numeric columns right-aligned.</summary>
    /// <param name="frame">The table.</param>
    /// <param name="digits">Significant digits of floating-point cells.</param>
    /// <remarks>At most <see cref="TableCells.MaxDisplayedRows"/> rows are drawn, then a note says how many were left out.</remarks>
    public static string ToHtml(this DataFrame frame, int digits = CellText.DefaultDigits)
    {
        var cells = TableCells.Of(frame, digits);
        var html = new StringBuilder("<table class=\"latentworkbench-table\">\n");
        if (cells.Title is not null)
        {
            html.Append("<caption>").Append(WebUtility.HtmlEncode(cells.Title)).Append("</caption>\n");
        }

        html.Append("<thead><tr>");
        for (int j = 0; j < cells.Headers.Length; j++)
        {
            html.Append(cells.RightAligned[j] ? "<th style=\"text-align:right\">" : "<th>").Append(WebUtility.HtmlEncode(cells.Headers[j])).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (string[] row in cells.Rows)
        {
            html.Append("<tr>");
            for (int j = 0; j < row.Length; j++)
            {
                html.Append(cells.RightAligned[j] ? "<td style=\"text-align:right\">" : "<td>").Append(WebUtility.HtmlEncode(row[j])).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        if (cells.HiddenNote is { } note)
        {
            html.Append("<tr><td colspan=\"").Append(cells.Headers.Length).Append("\"><i>").Append(WebUtility.HtmlEncode(note)).Append("</i></td></tr>\n");
        }

        return html.Append("</tbody>\n</table>\n").ToString();
    }

    /// <summary>Aligned plain text: the title, the header, a rule of dashes, then one line per row.</summary>
    /// <param name="frame">The table.</param>
    /// <param name="digits">Significant digits of floating-point cells.</param>
    public static string ToPlainText(this DataFrame frame, int digits = CellText.DefaultDigits)
    {
        var cells = TableCells.Of(frame, digits);
        int[] widths = cells.CharacterWidths();
        var text = new StringBuilder();
        if (cells.Title is not null)
        {
            text.Append(cells.Title).Append('\n');
        }

        AppendLine(text, cells.Headers, widths, cells.RightAligned);
        text.Append(string.Join("  ", widths.Select(w => new string('-', w)))).Append('\n');
        foreach (string[] row in cells.Rows)
        {
            AppendLine(text, row, widths, cells.RightAligned);
        }

        if (cells.HiddenNote is { } note)
        {
            text.Append(note).Append('\n');
        }

        return text.ToString();
    }

    private static void AppendLine(StringBuilder text, string[] cells, int[] widths, bool[] right)
    {
        var parts = cells.Select((c, j) => right[j] ? c.PadLeft(widths[j]) : c.PadRight(widths[j]));
        text.Append(string.Join("  ", parts).TrimEnd()).Append('\n');
    }
}
