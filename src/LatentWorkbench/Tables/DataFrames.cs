using Microsoft.Data.Analysis;

namespace LatentWorkbench.Tables;

/// <summary>Builds result tables as <see cref="DataFrame"/>s from rows, as easily as a list of tuples.</summary>
/// <remarks>
/// Each column's type is inferred from its non-null cells: all integers → <see cref="Int32DataFrameColumn"/>
/// (or <see cref="Int64DataFrameColumn"/> when a cell is a long or an unsigned int), numbers with at least one
/// floating-point value → <see cref="DoubleDataFrameColumn"/>, all booleans → <see cref="BooleanDataFrameColumn"/>,
/// anything else → <see cref="StringDataFrameColumn"/> (non-strings written as in the table's display).
/// Null cells become missing values.
/// </remarks>
public static class DataFrames
{
    /// <summary>A table with the given column names and one row per item of <paramref name="rows"/>.</summary>
    /// <param name="columns">Column names, at least one, unique.</param>
    /// <param name="rows">Each row's cells, one per column, in column order.</param>
    /// <param name="title">A caption shown above the table (see <see cref="DataFrameTitle"/>); null: none.</param>
    /// <exception cref="ArgumentException">No columns, a repeated column name, or a row whose length differs from the number of columns.</exception>
    /// <example><code>DataFrames.FromRows(["k", "test MSE"], ks.Select((k, i) => new object?[] { k, errors[i] }), title: "PCA")</code></example>
    public static DataFrame FromRows(IReadOnlyList<string> columns, IEnumerable<object?[]> rows, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        if (columns.Count == 0)
        {
            throw new ArgumentException("A table needs at least one column.", nameof(columns));
        }

        if (columns.GroupBy(c => c, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            throw new ArgumentException($"Column '{repeated.Key}' is named twice; column names must be unique.", nameof(columns));
        }

        var cells = new List<object?[]>();
        foreach (object?[] row in rows)
        {
            ArgumentNullException.ThrowIfNull(row, nameof(rows));
            if (row.Length != columns.Count)
            {
                throw new ArgumentException(
                    $"Row {cells.Count} has {row.Length} cells but the table has {columns.Count} columns ({string.Join(", ", columns)}).", nameof(rows));
            }

            cells.Add(row);
        }

        var frame = new DataFrame(columns.Select((name, j) => Column(name, cells.Select(r => r[j]).ToList())));
        return title is null ? frame : frame.WithTitle(title);
    }

    private static DataFrameColumn Column(string name, List<object?> values)
    {
        var present = values.Where(v => v is not null).ToList();
        if (present.Count > 0 && present.All(IsInteger))
        {
            return present.Any(v => v is long or uint or ulong)
                ? new Int64DataFrameColumn(name, values.Select(v => v is null ? (long?)null : Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture)))
                : new Int32DataFrameColumn(name, values.Select(v => v is null ? (int?)null : Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (present.Count > 0 && present.All(v => IsInteger(v) || v is double or float or decimal))
        {
            return new DoubleDataFrameColumn(name, values.Select(v => v is null ? (double?)null : Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (present.Count > 0 && present.All(v => v is bool))
        {
            return new BooleanDataFrameColumn(name, values.Select(v => (bool?)v));
        }

        return new StringDataFrameColumn(name, values.Select(v => v is null ? null : v as string ?? CellText.ForDisplay(v, CellText.DefaultDigits)));
    }

    private static bool IsInteger(object? value) => value is int or long or short or byte or sbyte or ushort or uint or ulong;
}
