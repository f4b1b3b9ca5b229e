using System.Text.Json;

namespace LatentWorkbench.Figures.Plotly;

/// <summary>Trace objects.</summary>
internal static partial class PlotlySpec
{
    private sealed record TraceContext(Panel Panel, PanelFrame? Frame, FigureLayout Layout, int Index)
    {
        public string Suffix => AxisSuffix(Index);
    }

    private static void WriteTrace(Utf8JsonWriter json, TraceContext context, Trace trace)
    {
        json.WriteStartObject();
        switch (trace)
        {
            case ScatterTrace s:
                WriteScatter(json, context, s);
                break;
            case LineTrace l:
                json.WriteString("type", "scatter");
                json.WriteString("mode", l.X.Count == 1 ? "lines+markers" : "lines");
                WriteNumbers(json, "x", l.X);
                WriteNumbers(json, "y", l.Y);
                json.WriteStartObject("line");
                json.WriteString("color", context.Panel.ColorOf(l).ToHex());
                json.WriteNumber("width", l.Width);
                json.WriteEndObject();
                break;
            case BarTrace b:
                json.WriteString("type", "bar");
                json.WriteStartArray("x");
                foreach (string category in b.Categories)
                {
                    json.WriteStringValue(category);
                }

                json.WriteEndArray();
                WriteNumbers(json, "y", b.Values);
                WriteMarkerColor(json, context.Panel.ColorOf(b));
                break;
            case HistogramTrace h:
                json.WriteString("type", "bar");
                WriteNumbers(json, "x", [.. Enumerable.Range(0, h.Counts.Length).Select(i => (h.Edges[i] + h.Edges[i + 1]) / 2)]);
                WriteNumbers(json, "y", h.Counts);
                WriteNumbers(json, "width", [.. Enumerable.Range(0, h.Counts.Length).Select(i => h.Edges[i + 1] - h.Edges[i])]);
                WriteMarkerColor(json, context.Panel.ColorOf(h));
                break;
            case HeatmapTrace m:
                WriteHeatmap(json, context, m);
                break;
            case ImageTrace image:
                json.WriteString("type", "image");
                json.WriteString("source", ImageGridLayout.Of(image.Grid).DataUri());
                json.WriteString("hoverinfo", "skip");
                break;
        }

        if (trace.Name is not null)
        {
            json.WriteString("name", trace.Name);
        }

        bool inLegend = trace.Name is not null && context.Panel.LegendVisible && trace is not (HeatmapTrace or ImageTrace);
        json.WriteBoolean("showlegend", inLegend);
        if (inLegend && context.Index > 0)
        {
            json.WriteString("legend", "legend" + context.Suffix);
        }

        json.WriteString("xaxis", "x" + context.Suffix);
        json.WriteString("yaxis", "y" + context.Suffix);
        json.WriteEndObject();
    }

    private static void WriteScatter(Utf8JsonWriter json, TraceContext context, ScatterTrace s)
    {
        int points = context.Panel.Traces.OfType<ScatterTrace>().Sum(t => t.X.Length);
        json.WriteString("type", s.UsesWebGl ? "scattergl" : "scatter");
        json.WriteString("mode", "markers");
        WriteNumbers(json, "x", s.X);
        WriteNumbers(json, "y", s.Y);
        if (s.HoverText is { } hover)
        {
            json.WriteStartArray("text");
            foreach (string text in hover)
            {
                json.WriteStringValue(text);
            }

            json.WriteEndArray();
        }

        json.WriteStartObject("marker");
        json.WriteNumber("size", s.EffectiveMarkerSize(points));
        json.WriteNumber("opacity", points > 2_000 ? 0.7 : 0.9);
        if (s.ColorValues is { } values)
        {
            WriteNumbers(json, "color", values);
            var (min, max) = DataRange.Of(values);
            WriteColorScale(json, s.ColorScale, min, max, "c");
            WriteColorBar(json, context, s.ColorTitle);
        }
        else
        {
            json.WriteString("color", context.Panel.ColorOf(s).ToHex());
        }

        json.WriteEndObject();
    }

    private static void WriteHeatmap(Utf8JsonWriter json, TraceContext context, HeatmapTrace m)
    {
        json.WriteString("type", "heatmap");
        json.WriteStartArray("z");
        for (int r = 0; r < m.Z.GetLength(0); r++)
        {
            json.WriteStartArray();
            for (int c = 0; c < m.Z.GetLength(1); c++)
            {
                WriteNumber(json, m.Z[r, c]);
            }

            json.WriteEndArray();
        }

        json.WriteEndArray();
        WriteStrings(json, "x", m.ColumnLabels);
        WriteStrings(json, "y", m.RowLabels);
        var (min, max) = m.Range();
        WriteColorScale(json, m.ColorScale, min, max, "z");
        WriteColorBar(json, context, m.ColorTitle);
        if (m.ShowValues)
        {
            json.WriteString("texttemplate", "%{z:.4~g}");
        }
    }

    private static void WriteColorScale(Utf8JsonWriter json, ColorScale scale, double min, double max, string prefix)
    {
        json.WriteStartArray("colorscale");
        for (int i = 0; i < scale.Stops.Count; i++)
        {
            json.WriteStartArray();
            json.WriteNumberValue(Format.Fraction(i / (double)(scale.Stops.Count - 1)));
            json.WriteStringValue(scale.Stops[i].ToHex());
            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteNumber(prefix + "min", min);
        json.WriteNumber(prefix + "max", max);
        json.WriteBoolean("showscale", true);
    }

    private static void WriteColorBar(Utf8JsonWriter json, TraceContext context, string? title)
    {
        var bar = context.Frame!.ColorBar;
        var layout = context.Layout;
        json.WriteStartObject("colorbar");
        json.WriteNumber("x", Format.Fraction(bar.X / layout.Width));
        json.WriteString("xanchor", "left");
        json.WriteNumber("y", Format.Fraction(1 - (bar.CenterY / layout.Height)));
        json.WriteString("yanchor", "middle");
        json.WriteNumber("len", Format.Fraction(bar.Height / layout.Height));
        json.WriteNumber("thickness", bar.Width);
        json.WriteNumber("xpad", 0);
        json.WriteNumber("ypad", 0);
        if (title is not null)
        {
            json.WriteStartObject("title");
            json.WriteString("text", title);
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static void WriteMarkerColor(Utf8JsonWriter json, Rgb color)
    {
        json.WriteStartObject("marker");
        json.WriteString("color", color.ToHex());
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (string value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static void WriteNumbers(Utf8JsonWriter json, string name, IReadOnlyList<double> values)
    {
        json.WriteStartArray(name);
        foreach (double v in values)
        {
            WriteNumber(json, v);
        }

        json.WriteEndArray();
    }

    private static void WriteNumbers(Utf8JsonWriter json, string name, float[] values)
    {
        json.WriteStartArray(name);
        foreach (float v in values)
        {
            if (float.IsFinite(v))
            {
                json.WriteNumberValue(v);
            }
            else
            {
                json.WriteNullValue();
            }
        }

        json.WriteEndArray();
    }

    /// <summary>Finite numbers as numbers; NaN and infinities as null (a gap, as Plotly expects).</summary>
    private static void WriteNumber(Utf8JsonWriter json, double v)
    {
        if (double.IsFinite(v))
        {
            json.WriteNumberValue(v);
        }
        else
        {
            json.WriteNullValue();
        }
    }
}
