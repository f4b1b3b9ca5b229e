using System.Text.Json;

namespace LatentWorkbench.Figures.Plotly;

/// <summary>Axis objects: domains and ranges copied from our own layout.</summary>
internal static partial class PlotlySpec
{
    private static void WriteChartAxes(Utf8JsonWriter json, PanelFrame frame, FigureLayout layout, int index)
    {
        var plot = frame.Plot;
        string suffix = AxisSuffix(index);
        WriteAxis(json, "xaxis" + suffix, "y" + suffix, frame.X, frame.Panel.X.Title,
            plot.X / layout.Width, plot.Right / layout.Width, frame.Panel.Kind == PanelKind.Heatmap);
        WriteAxis(json, "yaxis" + suffix, "x" + suffix, frame.Y, frame.Panel.Y.Title,
            1 - (plot.Bottom / layout.Height), 1 - (plot.Y / layout.Height), frame.Panel.Kind == PanelKind.Heatmap);
    }

    private static void WriteAxis(Utf8JsonWriter json, string name, string anchor, Scale scale, string? title, double from, double to, bool heatmap)
    {
        json.WriteStartObject(name);
        json.WriteString("anchor", anchor);
        WriteDomain(json, from, to);
        json.WriteString("type", scale.Categories is not null ? "category" : scale.Log ? "log" : "linear");
        json.WriteStartArray("range");
        bool reversed = scale.PixelAtMin < scale.PixelAtMax && name.StartsWith('y');
        json.WriteNumberValue(reversed ? scale.Max : scale.Min);
        json.WriteNumberValue(reversed ? scale.Min : scale.Max);
        json.WriteEndArray();
        if (title is not null)
        {
            json.WriteStartObject("title");
            json.WriteString("text", title);
            json.WriteStartObject("font");
            json.WriteNumber("size", 12);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteBoolean("showline", true);
        json.WriteBoolean("mirror", true);
        json.WriteString("linecolor", "#444444");
        json.WriteString("ticks", "outside");
        json.WriteNumber("ticklen", 4);
        json.WriteBoolean("zeroline", false);
        json.WriteBoolean("showgrid", !heatmap && scale.Categories is null);
        json.WriteString("gridcolor", "#e6e6e6");
        json.WriteBoolean("automargin", false);
        if (scale.Categories is not null && scale.Ticks.Count < scale.Categories.Length)
        {
            WriteTicks(json, scale.Ticks.Select(t => (t.Value, t.Label)));
        }

        json.WriteEndObject();
    }

    private static void WriteImageAxes(Utf8JsonWriter json, Panel panel, FigureLayout layout, int index)
    {
        var grid = panel.Traces.OfType<ImageTrace>().First().Grid;
        var gridLayout = ImageGridLayout.Of(grid);
        var (image, _) = gridLayout.Fit(ImageBox(panel, layout.Cells[index]));
        string suffix = AxisSuffix(index);

        json.WriteStartObject("xaxis" + suffix);
        json.WriteString("anchor", "y" + suffix);
        WriteDomain(json, image.X / layout.Width, image.Right / layout.Width);
        WriteImageRange(json, -0.5, gridLayout.Width - 0.5);
        json.WriteString("side", "top");
        WriteImageTicks(json, grid.ColumnLabels, c => gridLayout.Origin(c).X + (grid.ImageWidth / 2.0) - 0.5);
        json.WriteEndObject();

        json.WriteStartObject("yaxis" + suffix);
        json.WriteString("anchor", "x" + suffix);
        WriteDomain(json, 1 - (image.Bottom / layout.Height), 1 - (image.Y / layout.Height));
        WriteImageRange(json, gridLayout.Height - 0.5, -0.5);
        WriteImageTicks(json, grid.RowLabels, r => gridLayout.Origin(r * grid.Columns).Y + (grid.ImageHeight / 2.0) - 0.5);
        json.WriteEndObject();
    }

    private static void WriteImageRange(Utf8JsonWriter json, double from, double to)
    {
        json.WriteStartArray("range");
        json.WriteNumberValue(from);
        json.WriteNumberValue(to);
        json.WriteEndArray();
        json.WriteBoolean("showgrid", false);
        json.WriteBoolean("zeroline", false);
        json.WriteBoolean("showline", false);
        json.WriteBoolean("automargin", false);
    }

    private static void WriteImageTicks(Utf8JsonWriter json, IReadOnlyList<string>? labels, Func<int, double> position)
    {
        if (labels is null)
        {
            json.WriteBoolean("showticklabels", false);
            json.WriteString("ticks", "");
            return;
        }

        json.WriteString("ticks", "");
        WriteTicks(json, labels.Select((label, i) => (position(i), label)));
    }

    private static void WriteTicks(Utf8JsonWriter json, IEnumerable<(double Value, string Label)> ticks)
    {
        var list = ticks.ToList();
        json.WriteString("tickmode", "array");
        json.WriteStartArray("tickvals");
        foreach (var (value, _) in list)
        {
            json.WriteNumberValue(value);
        }

        json.WriteEndArray();
        json.WriteStartArray("ticktext");
        foreach (var (_, label) in list)
        {
            json.WriteStringValue(label);
        }

        json.WriteEndArray();
    }

    private static void WriteDomain(Utf8JsonWriter json, double from, double to)
    {
        json.WriteStartArray("domain");
        json.WriteNumberValue(Format.Fraction(Math.Clamp(from, 0, 1)));
        json.WriteNumberValue(Format.Fraction(Math.Clamp(to, 0, 1)));
        json.WriteEndArray();
    }
}
