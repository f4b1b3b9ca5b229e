using System.Globalization;
using System.Text.Json;

namespace LatentWorkbench.Figures.Svg;

/// <summary>
/// Reads a Plotly figure's JSON (as Plotly.NET serializes a <c>GenericChart</c>) into the scene the SVG renderer draws.
/// </summary>
/// <remarks>
/// Understood: traces <c>scatter</c>/<c>scattergl</c> (markers; <c>lines</c> modes as lines), <c>bar</c> (vertical),
/// <c>histogram</c> (<c>xbins</c> or <c>nbinsx</c>), <c>heatmap</c>; one panel per x axis (<c>x</c>, <c>x2</c>, ...) laid out by
/// <c>layout.grid</c>, subplot titles from paper-anchored annotations; axis titles, <c>type: log</c>, linear <c>range</c>,
/// <c>autorange: reversed</c> on heatmap rows; colours as #rgb, #rrggbb, rgb() or rgba(); colour scales by name
/// (Viridis, Cividis, Blues) or as stop lists. Anything else (other trace types, horizontal bars) is not drawn and
/// is named in a note under the figure, so the SVG never fails where the interactive chart works.
/// </remarks>
internal static partial class PlotlyFigureReader
{
    /// <summary>The scene of <paramref name="figureJson"/>.</summary>
    /// <exception cref="ArgumentException">The text is not a Plotly figure (JSON object with a <c>data</c> array).</exception>
    public static SvgScene Read(string figureJson)
    {
        ArgumentNullException.ThrowIfNull(figureJson);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(figureJson);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"The figure is not valid JSON: {e.Message}", nameof(figureJson), e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
            {
                throw new ArgumentException("The figure JSON has no 'data' array of traces; expected Plotly's {\"data\": [...], \"layout\": {...}}.", nameof(figureJson));
            }

            var layout = Get(root, "layout");
            var scene = new SvgScene { Title = TitleText(Get(layout, "title")), Width = Integer(layout, "width"), Height = Integer(layout, "height") };
            var panels = new SortedDictionary<int, Panel>();
            var unsupported = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var trace in data.EnumerateArray())
            {
                string type = String(trace, "type") ?? "scatter";
                int axis = AxisNumber(String(trace, "xaxis"));
                if (!panels.TryGetValue(axis, out var panel))
                {
                    panel = NewPanel(layout, axis, AxisNumber(String(trace, "yaxis")));
                    panels[axis] = panel;
                }

                var read = ReadTrace(type, trace, Get(layout, AxisKey("yaxis", AxisNumber(String(trace, "yaxis")))));
                if (read is null)
                {
                    unsupported.Add(type == "bar" ? "horizontal bar" : type);
                    continue;
                }

                panel.Traces.Add(read);
            }

            scene.Panels.AddRange(panels.Values);
            if (scene.Panels.Count == 0)
            {
                scene.Panels.Add(new Panel());
            }

            ApplyGrid(scene, layout);
            if (Get(layout, "showlegend") is { ValueKind: JsonValueKind.False })
            {
                scene.Panels.ForEach(p => p.ShowLegend = false);
            }

            foreach (string type in unsupported)
            {
                scene.Notes.Add($"Not drawn in this static rendering: '{type}' traces (open the interactive HTML to see them).");
            }

            return scene;
        }
    }

    private static Panel NewPanel(JsonElement layout, int xAxis, int yAxis)
    {
        var panel = new Panel();
        ReadAxis(Get(layout, AxisKey("xaxis", xAxis)), panel.X);
        ReadAxis(Get(layout, AxisKey("yaxis", yAxis)), panel.Y);
        return panel;
    }

    private static void ReadAxis(JsonElement axis, Axis into)
    {
        into.Title = TitleText(Get(axis, "title"));
        into.Log = String(axis, "type") == "log";
        if (Get(axis, "range") is { ValueKind: JsonValueKind.Array } range && range.GetArrayLength() == 2
            && range[0].ValueKind == JsonValueKind.Number && range[1].ValueKind == JsonValueKind.Number)
        {
            // Plotly gives log-axis ranges as exponents.
            double a = range[0].GetDouble(), b = range[1].GetDouble();
            (into.Min, into.Max) = into.Log ? (Math.Pow(10, a), Math.Pow(10, b)) : (a, b);
        }
    }

    // Subplot grids: columns from layout.grid; titles from annotations anchored above a cell in paper coordinates.
    private static void ApplyGrid(SvgScene scene, JsonElement layout)
    {
        var grid = Get(layout, "grid");
        int columns = Integer(grid, "columns") ?? 1;
        int rows = Integer(grid, "rows") ?? scene.Panels.Count;
        scene.Columns = Math.Clamp(columns, 1, Math.Max(1, scene.Panels.Count));
        if (Get(layout, "annotations") is not { ValueKind: JsonValueKind.Array } annotations || scene.Panels.Count < 2)
        {
            return;
        }

        foreach (var note in annotations.EnumerateArray())
        {
            if (String(note, "xref") is not (null or "paper") || String(note, "yref") is not (null or "paper")
                || Number(note, "x") is not { } x || Number(note, "y") is not { } y || String(note, "text") is not { Length: > 0 } text)
            {
                continue;
            }

            int column = Math.Clamp((int)(x * columns), 0, columns - 1);
            int row = Math.Clamp((int)(((1 - y) * rows) + 0.05), 0, Math.Max(0, rows - 1));
            int index = (row * columns) + column;
            if (index < scene.Panels.Count)
            {
                scene.Panels[index].Title ??= text;
            }
        }
    }

    private static string AxisKey(string prefix, int number) => number <= 1 ? prefix : prefix + Format.Integer(number);

    // "x" -> 1, "x2" -> 2, ...; absent -> 1.
    private static int AxisNumber(string? reference) =>
        reference is { Length: > 1 } && int.TryParse(reference.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : 1;

    private static string? TitleText(JsonElement title) => title.ValueKind switch
    {
        JsonValueKind.String => title.GetString(),
        JsonValueKind.Object => String(title, "text"),
        _ => null,
    } is { Length: > 0 } text ? text : null;

    private static JsonElement Get(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    private static string? String(JsonElement element, string name) =>
        Get(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static double? Number(JsonElement element, string name) =>
        Get(element, name) is { ValueKind: JsonValueKind.Number } value ? value.GetDouble() : null;

    private static int? Integer(JsonElement element, string name) =>
        Number(element, name) is { } value ? (int)Math.Round(value) : null;
}
