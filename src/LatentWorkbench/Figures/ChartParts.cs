using Plotly.NET;
using PlotlyTrace = Plotly.NET.Trace;
using Plotly.NET.LayoutObjects;
using Dyn = DynamicObj.DynamicObj;

namespace LatentWorkbench.Figures;

/// <summary>
/// Builds Plotly.NET charts from plain Plotly attributes (trace and layout objects named as in the plotly.js
/// reference), so every helper sets exactly the attributes it means and the JSON stays small and stable.
/// </summary>
/// <remarks>
/// Charts are created without Plotly.NET's default template (<c>useDefaults: false</c>): the styling below (white
/// background, grey grid, framed axes) is what the SVG renderer draws too, and it keeps about 9 KB of template
/// out of every figure's JSON.
/// </remarks>
internal static class ChartParts
{
    /// <summary>The frame and grid colours, shared with the SVG renderer's look.</summary>
    private const string AxisColor = "#444444";
    private const string GridColor = "#e6e6e6";

    /// <summary>A plotly.js attribute object with <paramref name="properties"/> (null values are left out).</summary>
    public static Dyn Obj(params (string Name, object? Value)[] properties)
    {
        var obj = new Dyn();
        foreach (var (name, value) in properties)
        {
            if (value is not null)
            {
                obj.SetProperty(name, value);
            }
        }

        return obj;
    }

    /// <summary>A trace of plotly.js type <paramref name="type"/> with <paramref name="properties"/>.</summary>
    public static PlotlyTrace Trace(string type, params (string Name, object? Value)[] properties)
    {
        var trace = new Trace2D(type);
        foreach (var (name, value) in properties)
        {
            if (value is not null)
            {
                trace.SetProperty(name, value);
            }
        }

        return trace;
    }

    /// <summary>A framed linear or log axis with an optional title; <paramref name="reversed"/> puts the first row at the top.</summary>
    public static LinearAxis Axis(string? title, bool log = false, bool reversed = false, bool grid = true)
    {
        var axis = new LinearAxis();
        foreach (var (name, value) in new (string, object?)[]
        {
            ("title", title is null ? null : Obj(("text", title))),
            ("type", log ? "log" : null),
            ("autorange", reversed ? "reversed" : null),
            ("showline", true),
            ("mirror", true),
            ("linecolor", AxisColor),
            ("ticks", "outside"),
            ("showgrid", grid),
            ("gridcolor", GridColor),
            ("zeroline", false),
        })
        {
            if (value is not null)
            {
                axis.SetProperty(name, value);
            }
        }

        return axis;
    }

    /// <summary>A chart of <paramref name="traces"/> with the workbench's layout.</summary>
    /// <param name="traces">The traces, drawn in order.</param>
    /// <param name="title">The figure title.</param>
    /// <param name="size">Pixel size, also used by the static renderings.</param>
    /// <param name="x">The x axis.</param>
    /// <param name="y">The y axis.</param>
    /// <param name="showLegend">Whether a legend is shown (null: plotly.js decides, which shows one for two or more named traces).</param>
    public static GenericChart Chart(IEnumerable<PlotlyTrace> traces, string? title, (int Width, int Height) size, LinearAxis x, LinearAxis y, bool? showLegend = null)
    {
        var layout = new Layout();
        foreach (var (name, value) in new (string, object?)[]
        {
            ("title", title is null ? null : Obj(("text", title), ("x", 0.5))),
            ("width", size.Width),
            ("height", size.Height),
            ("paper_bgcolor", "#ffffff"),
            ("plot_bgcolor", "#ffffff"),
            ("font", Obj(("family", Svg.SvgRenderer.FontFamily), ("size", 11), ("color", "#222222"))),
            ("hovermode", "closest"),
            ("showlegend", showLegend),
            ("xaxis", x),
            ("yaxis", y),
        })
        {
            if (value is not null)
            {
                layout.SetProperty(name, value);
            }
        }

        return GenericChart.addLayout(layout, GenericChart.ofTraceObjects(false, traces.ToArray()));
    }

    /// <summary>A chart's figure JSON (data, layout, frames) as Plotly.NET serializes it.</summary>
    public static string Json(GenericChart chart) => GenericChart.toFigureJson(chart);

    /// <summary>The colour of class <paramref name="index"/> as a #rrggbb string.</summary>
    public static string Color(int index) => Palette.ColorFor(index).ToHex();
}
