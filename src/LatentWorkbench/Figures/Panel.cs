namespace LatentWorkbench.Figures;

/// <summary>One set of axes in a figure: its traces, axis settings, title and legend.</summary>
internal sealed class Panel
{
    /// <summary>Creates a panel holding <paramref name="traces"/>.</summary>
    public Panel(params Trace[] traces) => Traces = [.. traces];

    /// <summary>The panel title (null: none).</summary>
    public string? Title { get; set; }

    /// <summary>The horizontal axis.</summary>
    public Axis X { get; } = new();

    /// <summary>The vertical axis.</summary>
    public Axis Y { get; } = new();

    /// <summary>The traces, drawn in order (later on top).</summary>
    public List<Trace> Traces { get; }

    /// <summary>Show the legend (null: when more than one trace has a name).</summary>
    public bool? ShowLegend { get; set; }

    internal PanelKind Kind =>
        Traces.Any(t => t is HeatmapTrace) ? PanelKind.Heatmap
        : Traces.Any(t => t is BarTrace) ? PanelKind.Categorical
        : PanelKind.Numeric;

    internal bool LegendVisible =>
        Kind is PanelKind.Numeric or PanelKind.Categorical
        && (ShowLegend ?? Traces.Count(t => t.Name is not null) > 1);

    internal IEnumerable<Trace> LegendTraces => Traces.Where(t => t.Name is not null && t is not HeatmapTrace);

    /// <summary>The trace that owns the panel's colour bar, if any.</summary>
    internal Trace? ColorBarTrace =>
        Traces.FirstOrDefault(t => t is HeatmapTrace || (t is ScatterTrace s && s.ColorValues is not null));

    /// <summary>A trace's colour: its own, or the palette colour of its position among the panel's traces.</summary>
    internal Rgb ColorOf(Trace trace) => trace.Color ?? Palette.ColorFor(Traces.IndexOf(trace));
}

/// <summary>How a panel's axes behave.</summary>
internal enum PanelKind
{
    /// <summary>Numeric x and y (scatter, lines, histograms).</summary>
    Numeric,

    /// <summary>Categories along x (bars).</summary>
    Categorical,

    /// <summary>Matrix cells with labels on both axes.</summary>
    Heatmap,
}
