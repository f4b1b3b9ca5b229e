using System.Text.Json;
using LatentWorkbench.Figures.Display;
using Plotly.NET;
using PlotlyTrace = Plotly.NET.Trace;

namespace LatentWorkbench.Figures;

public static partial class Charts
{
    /// <summary>Horizontal gap between subplot cells, as a fraction of a cell's width (room for colour bars and tick labels).</summary>
    private const double SubplotGap = 0.35;

    /// <summary>Charts side by side in a grid (row by row), each keeping its axes; each part's title becomes its subplot title.</summary>
    /// <param name="parts">The charts (any Plotly.NET charts of 2-D traces).</param>
    /// <param name="columns">Charts per row.</param>
    /// <param name="title">The title over the whole grid.</param>
    /// <remarks>Uses Plotly.NET's <c>Chart.Grid</c>; colour bars are moved beside their own subplot so they do not overlap.</remarks>
    public static GenericChart Subplots(IReadOnlyList<GenericChart> parts, int columns = 2, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        if (parts.Count == 0)
        {
            throw new ArgumentException("parts is empty; give at least one chart.", nameof(parts));
        }

        columns = Math.Min(columns, parts.Count);
        int rows = (parts.Count + columns - 1) / columns;
        var titles = new string[parts.Count];
        int cellWidth = 0, cellHeight = 0;
        var placed = new GenericChart[parts.Count];
        for (int i = 0; i < parts.Count; i++)
        {
            using var json = JsonDocument.Parse(ChartParts.Json(parts[i] ?? throw new ArgumentException($"parts[{i}] is null.", nameof(parts))));
            var layout = json.RootElement.GetProperty("layout");
            titles[i] = layout.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.Object && t.TryGetProperty("text", out var text)
                ? text.GetString() ?? "" : "";
            cellWidth = Math.Max(cellWidth, layout.TryGetProperty("width", out var w) && w.TryGetInt32(out int wi) ? wi : 600);
            cellHeight = Math.Max(cellHeight, layout.TryGetProperty("height", out var h) && h.TryGetInt32(out int hi) ? hi : 440);
            placed[i] = WithColorBarBeside(parts[i], i / columns, i % columns, rows, columns);
        }

        var grid = global::Plotly.NET.CSharp.Chart.Grid(placed, rows, columns, SubPlotTitles: titles, XGap: SubplotGap);
        var size = new Layout();
        size.SetProperty("width", cellWidth * columns);
        size.SetProperty("height", (cellHeight * rows) + (title is null ? 0 : 40));
        size.SetProperty("title", title is null ? null : ChartParts.Obj(("text", title), ("x", 0.5)));
        if (title is null)
        {
            size.RemoveProperty("title");
        }

        ChartFormatters.EnsureRegistered();
        return GenericChart.addLayout(size, grid);
    }

    // A copy of the chart whose traces' colour bars sit right of cell (row, column) instead of at the figure's right edge.
    private static GenericChart WithColorBarBeside(GenericChart part, int row, int column, int rows, int columns)
    {
        double cell = 1 / (columns + ((columns - 1) * SubplotGap));
        double right = (column * cell * (1 + SubplotGap)) + cell;
        var traces = new List<PlotlyTrace>();
        foreach (var trace in GenericChart.getTraces(part))
        {
            bool hasBar = trace.TryGetPropertyValue("type") is { } type && (string)type.Value == "heatmap"
                || trace.TryGetPropertyValue("marker") is { } marker && marker.Value is DynamicObj.DynamicObj m && m.TryGetPropertyValue("showscale") is not null;
            if (!hasBar)
            {
                traces.Add(trace);
                continue;
            }

            var copy = new Trace2D("heatmap");
            foreach (string name in trace.GetPropertyNames(true))
            {
                copy.SetProperty(name, trace.GetPropertyValue(name));
            }

            var position = (DynamicObj.DynamicObj colorbar) =>
            {
                colorbar.SetProperty("x", right + 0.01);
                colorbar.SetProperty("xanchor", "left");
                colorbar.SetProperty("thickness", 12);
                colorbar.SetProperty("len", 0.8 / rows);
                colorbar.SetProperty("y", 1 - ((row + 0.5) / rows));
                colorbar.SetProperty("yanchor", "middle");
                return colorbar;
            };
            if ((string)copy.GetPropertyValue("type") == "heatmap")
            {
                copy.SetProperty("colorbar", position(CopyOf(copy.TryGetPropertyValue("colorbar")?.Value as DynamicObj.DynamicObj)));
            }
            else
            {
                var markerCopy = CopyOf((DynamicObj.DynamicObj)copy.GetPropertyValue("marker"));
                markerCopy.SetProperty("colorbar", position(CopyOf(markerCopy.TryGetPropertyValue("colorbar")?.Value as DynamicObj.DynamicObj)));
                copy.SetProperty("marker", markerCopy);
            }

            traces.Add(copy);
        }

        return GenericChart.addLayout(GenericChart.getLayout(part), GenericChart.ofTraceObjects(false, traces.ToArray()));
    }

    private static DynamicObj.DynamicObj CopyOf(DynamicObj.DynamicObj? source)
    {
        var copy = new DynamicObj.DynamicObj();
        if (source is not null)
        {
            foreach (string name in source.GetPropertyNames(true))
            {
                copy.SetProperty(name, source.GetPropertyValue(name));
            }
        }

        return copy;
    }
}
