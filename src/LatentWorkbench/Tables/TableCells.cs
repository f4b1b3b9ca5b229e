using Microsoft.Data.Analysis;

namespace LatentWorkbench.Tables;

/// <summary>A frame's cells as display text, the first rows only: what every human-readable rendering draws.</summary>
internal sealed class TableCells
{
    /// <summary>Rows shown by the HTML, SVG and plain-text renderings; exports write every row.</summary>
    public const int MaxDisplayedRows = 100;

    private TableCells(DataFrame frame, int digits, int maxRows)
    {
        Title = frame.GetTitle();
        Headers = [.. frame.Columns.Select(c => c.Name)];
        RightAligned = [.. frame.Columns.Select(c => CellText.IsNumeric(c.DataType))];
        long shown = Math.Min(frame.Rows.Count, maxRows);
        HiddenRows = frame.Rows.Count - shown;
        Rows = [.. Enumerable.Range(0, (int)shown).Select(i => frame.Columns.Select(c => CellText.ForDisplay(c[i], digits)).ToArray())];
    }

    public string? Title { get; }

    public string[] Headers { get; }

    /// <summary>Per column: numbers, right-aligned.</summary>
    public bool[] RightAligned { get; }

    public string[][] Rows { get; }

    /// <summary>How many rows were left out (0 when all are shown).</summary>
    public long HiddenRows { get; }

    /// <summary>The note under a truncated table, or null.</summary>
    public string? HiddenNote => HiddenRows == 0 ? null : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"… {HiddenRows:N0} more rows");

    public static TableCells Of(DataFrame frame, int digits, int maxRows = MaxDisplayedRows)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentOutOfRangeException.ThrowIfLessThan(digits, 1);
        return new TableCells(frame, digits, maxRows);
    }

    /// <summary>Each column's width in characters: its longest cell or header.</summary>
    public int[] CharacterWidths() =>
        [.. Headers.Select((h, j) => Rows.Select(r => r[j].Length).Append(h.Length).Max())];
}
