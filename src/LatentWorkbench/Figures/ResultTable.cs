using System.Globalization;
using System.Net;
using System.Text;
using LatentWorkbench.Figures.Display;

namespace LatentWorkbench.Figures;

/// <summary>A small table of results (metrics per method, timings) shown as an HTML table in notebooks, with a
/// static SVG twin (GitHub, reports, exported figures) and aligned plain text elsewhere.</summary>
/// <remarks>Numbers are formatted with the invariant culture: floating-point values to <see cref="Digits"/>
/// significant digits, integers in full; numeric columns are right-aligned.</remarks>
[TypeFormatterSource(typeof(FigureFormatterSource), PreferredMimeTypes = [Display.MimeTypes.Html, Display.MimeTypes.Svg, Display.MimeTypes.PlainText])]
public sealed partial class ResultTable : IMimeRenderable
{
    private readonly List<object?[]> _rows = [];

    /// <summary>Creates an empty table with the given column headers.</summary>
    /// <exception cref="ArgumentException">No columns were given.</exception>
    public ResultTable(params string[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Length == 0)
        {
            throw new ArgumentException("A table needs at least one column.", nameof(columns));
        }

        Columns = [.. columns];
    }

    /// <summary>The column headers.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The rows, each with one cell per column.</summary>
    public IReadOnlyList<IReadOnlyList<object?>> Rows => _rows;

    /// <summary>A caption above the table (null: none).</summary>
    public string? Title { get; set; }

    /// <summary>Significant digits for floating-point cells.</summary>
    public int Digits { get; set; } = 4;

    /// <inheritdoc/>
    public IReadOnlyList<string> MimeTypes { get; } = [Display.MimeTypes.Html, Display.MimeTypes.Svg, Display.MimeTypes.PlainText];

    /// <summary>Adds a row.</summary>
    /// <exception cref="ArgumentException">The number of cells differs from the number of columns.</exception>
    public ResultTable AddRow(params object?[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != Columns.Count)
        {
            throw new ArgumentException($"The row has {cells.Length} cells but the table has {Columns.Count} columns ({string.Join(", ", Columns)}).", nameof(cells));
        }

        _rows.Add([.. cells]);
        return this;
    }

    /// <summary>Adds one row per item of <paramref name="rows"/>, in order (each checked as in <see cref="AddRow"/>).</summary>
    /// <exception cref="ArgumentException">A row's number of cells differs from the number of columns.</exception>
    public ResultTable AddRows(IEnumerable<object?[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (object?[] row in rows)
        {
            AddRow(row);
        }

        return this;
    }

    /// <summary>An HTML &lt;table&gt; (with a caption when <see cref="Title"/> is set).</summary>
    public string ToHtml()
    {
        var html = new StringBuilder("<table class=\"latentworkbench-table\">\n");
        if (Title is not null)
        {
            html.Append("<caption>").Append(WebUtility.HtmlEncode(Title)).Append("</caption>\n");
        }

        html.Append("<thead><tr>");
        foreach (string column in Columns)
        {
            html.Append("<th>").Append(WebUtility.HtmlEncode(column)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in _rows)
        {
            html.Append("<tr>");
            foreach (object? cell in row)
            {
                html.Append(IsNumeric(cell) ? "<td style=\"text-align:right\">" : "<td>")
                    .Append(WebUtility.HtmlEncode(FormatCell(cell))).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        return html.Append("</tbody>\n</table>\n").ToString();
    }

    /// <summary>Aligned plain text: a header, a rule, then one line per row.</summary>
    public override string ToString()
    {
        var cells = _rows.Select(r => r.Select(FormatCell).ToArray()).ToList();
        int[] widths = [.. Columns.Select((c, j) => cells.Select(r => r[j].Length).Append(c.Length).Max())];
        bool[] right = [.. Columns.Select((_, j) => IsNumericColumn(_rows, j))];
        var text = new StringBuilder();
        if (Title is not null)
        {
            text.Append(Title).Append('\n');
        }

        AppendLine(text, Columns, widths, right);
        text.Append(string.Join("  ", widths.Select(w => new string('-', w)))).Append('\n');
        foreach (string[] row in cells)
        {
            AppendLine(text, row, widths, right);
        }

        return text.ToString();
    }

    /// <inheritdoc/>
    public string Render(string mimeType) => mimeType switch
    {
        Display.MimeTypes.Html => ToHtml(),
        Display.MimeTypes.Svg => ToSvg(),
        Display.MimeTypes.PlainText => ToString(),
        _ => throw MimeBundle.Unsupported(mimeType, this),
    };

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, string> ToMimeBundle() => MimeBundle.Of(this);

    private static void AppendLine(StringBuilder text, IReadOnlyList<string> cells, int[] widths, bool[] right)
    {
        var parts = cells.Select((c, j) => right[j] ? c.PadLeft(widths[j]) : c.PadRight(widths[j]));
        text.Append(string.Join("  ", parts).TrimEnd()).Append('\n');
    }

    private static bool IsNumericColumn(IEnumerable<object?[]> rows, int column) =>
        rows.Any() && rows.All(r => r[column] is null || IsNumeric(r[column]));

    private static bool IsNumeric(object? cell) => cell is double or float or decimal or int or long or short or byte or uint or ulong;

    private string FormatCell(object? cell) => cell switch
    {
        null => "",
        double d => Format.Significant(d, Digits),
        float f => Format.Significant(f, Digits),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };
}
