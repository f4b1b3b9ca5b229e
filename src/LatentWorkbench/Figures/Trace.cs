namespace LatentWorkbench.Figures;

/// <summary>One data series of an SVG scene (points, a line, bars, a heatmap or images), read from a Plotly trace.</summary>
internal abstract class Trace
{
    /// <summary>The series name shown in the legend and on hover (null: not in the legend).</summary>
    public string? Name { get; set; }

    /// <summary>A fixed colour (null: the palette colour for the trace's position in the panel).</summary>
    public Rgb? Color { get; set; }
}
