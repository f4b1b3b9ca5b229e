namespace LatentWorkbench.Figures;

/// <summary>One data series drawn in a panel (points, a line, bars, a heatmap or images).</summary>
/// <remarks>Traces are mutable on purpose: a figure displayed during training is changed and re-rendered
/// each epoch (see <see cref="Figure.Append(string, double, double)"/>).</remarks>
public abstract class Trace
{
    /// <summary>The series name shown in the legend and on hover (null: not in the legend).</summary>
    public string? Name { get; set; }

    /// <summary>A fixed colour (null: the palette colour for the trace's position in the panel).</summary>
    public Rgb? Color { get; set; }
}
