using LatentWorkbench.Figures.Display;

namespace LatentWorkbench.Figures;

/// <summary>
/// A figure: one or more panels (subplots) in a grid, rendered as interactive Plotly.js HTML, static SVG,
/// PNG or the Plotly JSON spec; shown natively in Polyglot notebooks (both text/html and image/svg+xml).
/// </summary>
/// <remarks>
/// Figures are mutable and cheap to re-render: build one with the static builders
/// (<see cref="Scatter(float[], float[], byte[], string?, string?, string?, IReadOnlyList{string}?, IReadOnlyList{string}?)"/>,
/// <see cref="Line(IReadOnlyList{double}, string?, IReadOnlyList{double}?, string?, string?, string?, bool)"/>, …),
/// change it (<see cref="Append(string, double, double)"/>, properties) and display it again, e.g. with the
/// notebook handle's <c>Update(figure)</c> each epoch. Every rendering reads the current state.
/// </remarks>
[TypeFormatterSource(typeof(FigureFormatterSource), PreferredMimeTypes = [Display.MimeTypes.Html, Display.MimeTypes.Svg])]
public sealed partial class Figure : IMimeRenderable
{
    /// <summary>Creates a figure from panels laid out in <see cref="Columns"/> columns.</summary>
    public Figure(params Panel[] panels)
    {
        ArgumentNullException.ThrowIfNull(panels);
        Panels = [.. panels];
    }

    /// <summary>The figure title (null: none).</summary>
    public string? Title { get; set; }

    /// <summary>Width in pixels (null: from the panels).</summary>
    public int? Width { get; set; }

    /// <summary>Height in pixels (null: from the panels).</summary>
    public int? Height { get; set; }

    /// <summary>Panels per row.</summary>
    public int Columns { get; set; } = 1;

    /// <summary>The panels in reading order (left to right, then down).</summary>
    public List<Panel> Panels { get; }

    /// <summary>The first panel, where the single-panel builders put their traces.</summary>
    public Panel Main => Panels.Count > 0 ? Panels[0] : throw new InvalidOperationException("The figure has no panels.");

    /// <summary>Adds a point to the line series named <paramref name="series"/> (creating it in the first panel if missing).</summary>
    /// <remarks>The live-update pattern: <c>curve.Append("train", epoch, loss); handle.Update(curve);</c></remarks>
    public Figure Append(string series, double x, double y)
    {
        ArgumentNullException.ThrowIfNull(series);
        var line = Panels.SelectMany(p => p.Traces).OfType<LineTrace>().FirstOrDefault(t => t.Name == series);
        if (line is null)
        {
            line = new LineTrace { Name = series };
            Main.Traces.Add(line);
        }

        line.Append(x, y);
        return this;
    }

    /// <summary>Adds a trace to the first panel (overlays, e.g. class centroids on an embedding).</summary>
    public Figure Add(Trace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        Main.Traces.Add(trace);
        return this;
    }

    /// <summary>One line of text describing the figure (the plain-text rendering).</summary>
    public override string ToString()
    {
        string kinds = string.Join(", ", Panels.Select(p => string.Join("+", p.Traces.Select(t => t.GetType().Name.Replace("Trace", "", StringComparison.Ordinal)).Distinct())));
        return $"Figure \"{Title ?? Panels.FirstOrDefault()?.Title ?? "untitled"}\" ({Panels.Count} panel(s): {kinds})";
    }
}
