using System.Text;
using LatentWorkbench.Common;
using Microsoft.Data.Analysis;

namespace LatentWorkbench.Tables;

/// <summary>Writes tables as CSV (for programs) and Markdown (for reports), atomically.</summary>
public static class DataFrameExport
{
    /// <summary>RFC 4180 CSV: a header row, then every row; fields holding a comma, quote or line break are quoted.</summary>
    /// <remarks>Numbers in invariant culture and their shortest round-trip form; missing values are empty fields; lines end with \n.</remarks>
    public static string ToCsv(this DataFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var csv = new StringBuilder();
        csv.AppendJoin(',', frame.Columns.Select(c => CsvField(c.Name))).Append('\n');
        for (long i = 0; i < frame.Rows.Count; i++)
        {
            csv.AppendJoin(',', frame.Columns.Select(c => CsvField(CellText.ForData(c[i])))).Append('\n');
        }

        return csv.ToString();
    }

    /// <summary>A GitHub-flavoured Markdown table (numbers right-aligned, formatted as in <see cref="DataFrameHtml.ToHtml"/>), the title in bold above it.</summary>
    /// <param name="frame">The table; every row is written.</param>
    /// <param name="digits">Significant digits of floating-point cells.</param>
    public static string ToMarkdown(this DataFrame frame, int digits = CellText.DefaultDigits)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var cells = TableCells.Of(frame, digits, maxRows: int.MaxValue);
        var markdown = new StringBuilder();
        if (cells.Title is not null)
        {
            markdown.Append("**").Append(MarkdownCell(cells.Title)).Append("**\n\n");
        }

        markdown.Append("| ").AppendJoin(" | ", cells.Headers.Select(MarkdownCell)).Append(" |\n");
        markdown.Append("| ").AppendJoin(" | ", cells.RightAligned.Select(right => right ? "---:" : "---")).Append(" |\n");
        foreach (string[] row in cells.Rows)
        {
            markdown.Append("| ").AppendJoin(" | ", row.Select(MarkdownCell)).Append(" |\n");
        }

        return markdown.ToString();
    }

    /// <summary>Writes <see cref="ToCsv"/> to <paramref name="path"/> (UTF-8, through a temp file and a rename).</summary>
    /// <returns>The full path written.</returns>
    public static string WriteCsv(this DataFrame frame, string path) => Write(path, frame.ToCsv());

    /// <summary>Writes <see cref="ToMarkdown"/> to <paramref name="path"/> (UTF-8, through a temp file and a rename).</summary>
    /// <returns>The full path written.</returns>
    public static string WriteMarkdown(this DataFrame frame, string path, int digits = CellText.DefaultDigits) => Write(path, frame.ToMarkdown(digits));

    private static string Write(string path, string text)
    {
        AtomicFile.WriteAllText(path, text);
        return Path.GetFullPath(path);
    }

    private static string CsvField(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A pipe ends a cell and a line break ends the table, so both are escaped.</summary>
    private static string MarkdownCell(string text) =>
        text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", "<br>", StringComparison.Ordinal);
}
