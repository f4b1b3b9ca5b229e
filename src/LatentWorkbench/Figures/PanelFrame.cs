namespace LatentWorkbench.Figures;

/// <summary>Where a panel's parts go inside its cell, and its scales; shared by the SVG and Plotly renderings
/// so both draw the same plot area and ranges.</summary>
internal sealed class PanelFrame
{
    public const double CharWidth = 6.2;
    public const double LegendRow = 18;
    public const double ColorBarWidth = 14;

    private PanelFrame(Panel panel, Box cell, Box plot, Scale x, Scale y)
    {
        Panel = panel;
        Cell = cell;
        Plot = plot;
        X = x;
        Y = y;
    }

    public Panel Panel { get; }

    public Box Cell { get; }

    public Box Plot { get; }

    public Scale X { get; }

    public Scale Y { get; }

    /// <summary>Top-left corner of the legend (right of the plot).</summary>
    public (double X, double Y) LegendOrigin => (Plot.Right + 14, Plot.Y);

    /// <summary>The colour bar's gradient box (right of the plot, after the legend).</summary>
    public Box ColorBar => new(Plot.Right + 14 + LegendWidth(Panel), Plot.Y + ColorBarTop, ColorBarWidth, Math.Max(20, Plot.Height - ColorBarTop - 8));

    /// <summary>Space above the colour bar: room for its title when it has one.</summary>
    private double ColorBarTop => Panel.ColorBarTrace switch
    {
        HeatmapTrace { ColorTitle: not null } or ScatterTrace { ColorTitle: not null } => 26,
        _ => 8,
    };

    public static PanelFrame Of(Panel panel, Box cell)
    {
        string[]? xCategories = panel.Kind switch
        {
            PanelKind.Categorical => [.. panel.Traces.OfType<BarTrace>().SelectMany(b => b.Categories).Distinct()],
            PanelKind.Heatmap => panel.Traces.OfType<HeatmapTrace>().First().ColumnLabels,
            _ => null,
        };
        string[]? yCategories = panel.Kind == PanelKind.Heatmap ? panel.Traces.OfType<HeatmapTrace>().First().RowLabels : null;

        var (xMin, xMax) = xCategories is null ? DataRange.X(panel) : (-0.5, xCategories.Length - 0.5);
        var (yMin, yMax) = yCategories is null ? DataRange.Y(panel) : (-0.5, yCategories.Length - 0.5);

        // Preliminary y ticks size the left margin by their longest label.
        var probe = new Scale(yMin, yMax, 1, 0, panel.Y.Log && yCategories is null, yCategories).WithTicks(6);
        double labelWidth = probe.Ticks.Count == 0 ? 10 : probe.Ticks.Max(t => t.Label.Length) * CharWidth;
        double left = Math.Max(40, labelWidth + 14 + (panel.Y.Title is null ? 0 : 20));
        double top = panel.Title is null ? 12 : 30;
        double bottom = 26 + (panel.X.Title is null ? 0 : 18);
        double right = 16 + LegendWidth(panel) + (panel.ColorBarTrace is null ? 0 : 70);

        var plot = new Box(cell.X + left, cell.Y + top, Math.Max(40, cell.Width - left - right), Math.Max(40, cell.Height - top - bottom));
        var x = new Scale(xMin, xMax, plot.X, plot.Right, panel.X.Log && xCategories is null, xCategories)
            .WithTicks(xCategories is null
                ? Math.Max(2, (int)(plot.Width / 90))
                : Math.Max(1, (int)(plot.Width / ((xCategories.DefaultIfEmpty("").Max(c => c.Length) * CharWidth) + 10))));
        var y = yCategories is null
            ? new Scale(yMin, yMax, plot.Bottom, plot.Y, panel.Y.Log, null).WithTicks(Math.Max(2, (int)(plot.Height / 60)))
            : new Scale(yMin, yMax, plot.Y, plot.Bottom, log: false, yCategories).WithTicks(Math.Max(2, (int)(plot.Height / 14)));
        return new PanelFrame(panel, cell, plot, x, y);
    }

    public static double LegendWidth(Panel panel) =>
        panel.LegendVisible ? Math.Min(200, 32 + (panel.LegendTraces.Select(t => t.Name!.Length).DefaultIfEmpty(0).Max() * CharWidth)) : 0;
}
