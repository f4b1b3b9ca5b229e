namespace LatentWorkbench.Figures;

/// <summary>A matrix drawn as coloured cells (row 0 at the top), with a colour bar.</summary>
internal sealed class HeatmapTrace : Trace
{
    /// <summary>Creates a heatmap of <paramref name="z"/> (rows × columns).</summary>
    /// <exception cref="ArgumentException">A label list's length does not match the matrix.</exception>
    public HeatmapTrace(double[,] z, IReadOnlyList<string>? columnLabels = null, IReadOnlyList<string>? rowLabels = null)
    {
        ArgumentNullException.ThrowIfNull(z);
        Z = z;
        int rows = z.GetLength(0), columns = z.GetLength(1);
        if (columnLabels is not null && columnLabels.Count != columns)
        {
            throw new ArgumentException($"columnLabels has {columnLabels.Count} entries but the matrix has {columns} columns.", nameof(columnLabels));
        }

        if (rowLabels is not null && rowLabels.Count != rows)
        {
            throw new ArgumentException($"rowLabels has {rowLabels.Count} entries but the matrix has {rows} rows.", nameof(rowLabels));
        }

        ColumnLabels = columnLabels is null ? [.. Enumerable.Range(0, columns).Select(Format.Integer)] : [.. columnLabels];
        RowLabels = rowLabels is null ? [.. Enumerable.Range(0, rows).Select(Format.Integer)] : [.. rowLabels];
    }

    /// <summary>The values, rows × columns.</summary>
    public double[,] Z { get; }

    /// <summary>Labels along the horizontal axis, one per column.</summary>
    public string[] ColumnLabels { get; }

    /// <summary>Labels along the vertical axis, one per row (row 0 at the top).</summary>
    public string[] RowLabels { get; }

    /// <summary>The colour map.</summary>
    public ColorScale ColorScale { get; set; } = ColorScale.Viridis;

    /// <summary>The colour bar's title.</summary>
    public string? ColorTitle { get; set; }

    /// <summary>Write each cell's value inside it (useful for confusion matrices up to about 20 × 20).</summary>
    public bool ShowValues { get; set; }

    /// <summary>The smallest and largest finite values (0, 1 when there are none).</summary>
    internal (double Min, double Max) Range()
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double v in Z)
        {
            if (double.IsFinite(v))
            {
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
        }

        return min > max ? (0, 1) : (min, max);
    }
}
