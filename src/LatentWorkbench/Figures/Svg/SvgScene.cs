namespace LatentWorkbench.Figures;

/// <summary>
/// What the SVG renderer draws: panels in a grid under an optional title. Built from a Plotly figure's JSON by
/// <see cref="Svg.PlotlyFigureReader"/> (or from an image grid); never part of the public API, which is Plotly.NET's <c>GenericChart</c>.
/// </summary>
internal sealed class SvgScene
{
    /// <summary>Creates a scene of <paramref name="panels"/>.</summary>
    public SvgScene(params Panel[] panels) => Panels = [.. panels];

    /// <summary>The title above all panels.</summary>
    public string? Title { get; set; }

    /// <summary>Width in pixels; null: from the panels' natural sizes.</summary>
    public int? Width { get; set; }

    /// <summary>Height in pixels; null: from the panels' natural sizes.</summary>
    public int? Height { get; set; }

    /// <summary>Panels per row.</summary>
    public int Columns { get; set; } = 1;

    /// <summary>The panels, row by row.</summary>
    public List<Panel> Panels { get; }

    /// <summary>Lines drawn under the figure: what the static rendering left out (e.g. unsupported trace types).</summary>
    public List<string> Notes { get; } = [];
}
