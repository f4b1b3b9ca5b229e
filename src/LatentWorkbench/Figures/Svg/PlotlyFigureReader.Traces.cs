using System.Globalization;
using System.Text.Json;

namespace LatentWorkbench.Figures.Svg;

internal static partial class PlotlyFigureReader
{
    /// <summary>Plotly.js's default bin count when a histogram gives neither <c>xbins</c> nor <c>nbinsx</c> (its auto-binning is approximated).</summary>
    private const int DefaultHistogramBins = 30;

    private static Trace? ReadTrace(string type, JsonElement trace, JsonElement yAxis)
    {
        Trace? read = type switch
        {
            "scatter" or "scattergl" => Scatter(trace),
            "bar" when String(trace, "orientation") != "h" => Bar(trace),
            "histogram" => Histogram(trace),
            "heatmap" => Heatmap(trace, String(yAxis, "autorange") == "reversed"),
            _ => null,
        };
        if (read is not null)
        {
            // A trace kept out of the legend (showlegend: false) draws without a legend entry here too.
            read.Name = Get(trace, "showlegend").ValueKind == JsonValueKind.False ? null : String(trace, "name");
        }

        return read;
    }

    private static Trace Scatter(JsonElement trace)
    {
        float[] x = Floats(Get(trace, "x")), y = Floats(Get(trace, "y"));
        if (x.Length == 0 && y.Length > 0)
        {
            x = [.. Enumerable.Range(0, y.Length).Select(i => (float)i)];
        }

        int count = Math.Min(x.Length, y.Length);
        var marker = Get(trace, "marker");
        string mode = String(trace, "mode") ?? (count <= 20 ? "lines+markers" : "lines");
        if (mode.Contains("lines", StringComparison.Ordinal))
        {
            var line = new LineTrace { Color = Color(Get(Get(trace, "line"), "color")) ?? Color(Get(marker, "color")) };
            if (Number(Get(trace, "line"), "width") is { } width)
            {
                line.Width = width;
            }

            for (int i = 0; i < count; i++)
            {
                line.Append(x[i], y[i]);
            }

            return line;
        }

        var scatter = new ScatterTrace(x[..count], y[..count]) { MarkerSize = Number(marker, "size") };
        var color = Get(marker, "color");
        if (color.ValueKind == JsonValueKind.Array)
        {
            float[] values = Floats(color);
            scatter.ColorValues = values.Length == count ? values : null;
            scatter.ColorScale = ColorScaleOf(Get(marker, "colorscale"));
            scatter.ColorTitle = TitleText(Get(Get(marker, "colorbar"), "title"));
        }
        else
        {
            scatter.Color = Color(color);
        }

        if (Get(trace, "text") is { ValueKind: JsonValueKind.Array } text && text.GetArrayLength() == count)
        {
            scatter.HoverText = [.. text.EnumerateArray().Select(Label)];
        }

        return scatter;
    }

    private static BarTrace Bar(JsonElement trace)
    {
        string[] categories = [.. Elements(Get(trace, "x")).Select(Label)];
        double[] values = Doubles(Get(trace, "y"));
        if (categories.Length == 0)
        {
            categories = [.. Enumerable.Range(0, values.Length).Select(Format.Integer)];
        }

        int count = Math.Min(categories.Length, values.Length);
        return new BarTrace(categories[..count], values[..count]) { Color = Color(Get(Get(trace, "marker"), "color")) };
    }

    private static HistogramTrace Histogram(JsonElement trace)
    {
        double[] values = [.. Doubles(Get(trace, "x")).Where(double.IsFinite)];
        var (start, end) = HistogramTrace.BinRange(values);
        int bins = Integer(trace, "nbinsx") is > 0 and int n ? n : DefaultHistogramBins;
        var xbins = Get(trace, "xbins");
        if (Number(xbins, "start") is { } s && Number(xbins, "end") is { } e && Number(xbins, "size") is > 0 and double size && e > s)
        {
            (start, end) = (s, e);
            bins = Math.Max(1, (int)Math.Round((e - s) / size));
        }

        return new HistogramTrace(values, start, end, bins) { Color = Color(Get(Get(trace, "marker"), "color")) };
    }

    // Plotly draws z row 0 at the bottom unless the y axis is reversed; the renderer draws row 0 at the top.
    private static HeatmapTrace Heatmap(JsonElement trace, bool rowsTopDown)
    {
        var rows = Elements(Get(trace, "z")).Select(Doubles).ToList();
        int columns = rows.Count == 0 ? 0 : rows.Max(r => r.Length);
        if (!rowsTopDown)
        {
            rows.Reverse();
        }

        var z = new double[rows.Count, columns];
        for (int r = 0; r < rows.Count; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                z[r, c] = c < rows[r].Length ? rows[r][c] : double.NaN;
            }
        }

        string[]? columnLabels = Labels(Get(trace, "x"), columns);
        string[]? rowLabels = Labels(Get(trace, "y"), rows.Count);
        if (rowLabels is not null && !rowsTopDown)
        {
            Array.Reverse(rowLabels);
        }

        rowLabels ??= rowsTopDown ? null : [.. Enumerable.Range(0, rows.Count).Reverse().Select(Format.Integer)];
        return new HeatmapTrace(z, columnLabels, rowLabels)
        {
            ColorScale = ColorScaleOf(Get(trace, "colorscale")),
            ColorTitle = TitleText(Get(Get(trace, "colorbar"), "title")),
            ShowValues = String(trace, "texttemplate") is { Length: > 0 },
        };
    }

    private static string[]? Labels(JsonElement values, int expected)
    {
        string[] labels = [.. Elements(values).Select(Label)];
        return labels.Length == expected && expected > 0 ? labels : null;
    }

    private static IEnumerable<JsonElement> Elements(JsonElement array) =>
        array.ValueKind == JsonValueKind.Array ? array.EnumerateArray() : [];

    private static double[] Doubles(JsonElement array) =>
        [.. Elements(array).Select(v => v.ValueKind == JsonValueKind.Number ? v.GetDouble() : double.NaN)];

    private static float[] Floats(JsonElement array) =>
        [.. Elements(array).Select(v => v.ValueKind == JsonValueKind.Number ? (float)v.GetDouble() : float.NaN)];

    private static string Label(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.Number => Format.Short(value.GetDouble()),
        _ => value.ToString(),
    };

    private static ColorScale ColorScaleOf(JsonElement scale)
    {
        if (scale.ValueKind == JsonValueKind.String)
        {
            return scale.GetString() switch
            {
                "Cividis" => ColorScale.Cividis,
                "Blues" => ColorScale.Blues,
                _ => ColorScale.Viridis,
            };
        }

        var stops = Elements(scale)
            .Where(s => s.ValueKind == JsonValueKind.Array && s.GetArrayLength() == 2 && s[0].ValueKind == JsonValueKind.Number)
            .Select(s => (At: s[0].GetDouble(), Color: Color(s[1])))
            .Where(s => s.Color is not null)
            .Select(s => (s.At, Color: s.Color!.Value))
            .ToList();
        return stops.Count >= 2 ? ColorScale.FromStops(stops) : ColorScale.Viridis;
    }

    /// <summary>A CSS colour as Plotly writes it: #rgb, #rrggbb, rgb(r, g, b) or rgba(r, g, b, a); anything else is null (palette colour).</summary>
    internal static Rgb? Color(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: > 0 } text)
        {
            return null;
        }

        text = text.Trim();
        if (text[0] == '#' && (text.Length == 4 || text.Length == 7)
            && int.TryParse(text.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int hex))
        {
            return text.Length == 7
                ? new Rgb((byte)(hex >> 16), (byte)(hex >> 8), (byte)hex)
                : new Rgb((byte)(((hex >> 8) & 0xf) * 17), (byte)(((hex >> 4) & 0xf) * 17), (byte)((hex & 0xf) * 17));
        }

        int open = text.IndexOf('(', StringComparison.Ordinal);
        if (open > 0 && text.EndsWith(')') && text[..open] is "rgb" or "rgba")
        {
            string[] parts = text[(open + 1)..^1].Split(',', StringSplitOptions.TrimEntries);
            if (parts.Length >= 3 && parts.Take(3).All(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
            {
                byte Channel(int i) => (byte)Math.Clamp(Math.Round(double.Parse(parts[i], CultureInfo.InvariantCulture)), 0, 255);
                return new Rgb(Channel(0), Channel(1), Channel(2));
            }
        }

        return null;
    }
}
