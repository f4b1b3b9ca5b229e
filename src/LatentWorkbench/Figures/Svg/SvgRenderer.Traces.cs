namespace LatentWorkbench.Figures.Svg;

/// <summary>The traces: points, lines, bars, histogram bins and heatmap cells.</summary>
internal static partial class SvgRenderer
{
    /// <summary>Continuous colours are quantised to this many levels so points can be grouped by fill.</summary>
    private const int ColorLevels = 64;

    private static void DrawScatter(SvgWriter svg, PanelFrame frame, ScatterTrace trace, int pointsInPanel)
    {
        double r = trace.EffectiveMarkerSize(pointsInPanel) / 2;
        double opacity = pointsInPanel > 2_000 ? 0.7 : 0.9;
        var sb = svg.Builder;
        if (trace.ColorValues is not { } values)
        {
            svg.Raw("<g").Attr("fill", frame.Panel.ColorOf(trace).ToHex()).Attr("fill-opacity", opacity).Raw(">\n");
            for (int i = 0; i < trace.X.Length; i++)
            {
                AppendCircle(sb, frame, trace.X[i], trace.Y[i], r);
            }

            svg.Raw("</g>\n");
            return;
        }

        var (min, max) = DataRange.Of(values);
        var levels = new int[values.Length];
        var counts = new int[ColorLevels];
        for (int i = 0; i < values.Length; i++)
        {
            levels[i] = Math.Clamp((int)((values[i] - min) / (max - min) * ColorLevels), 0, ColorLevels - 1);
            counts[levels[i]]++;
        }

        for (int level = 0; level < ColorLevels; level++)
        {
            if (counts[level] == 0)
            {
                continue;
            }

            var color = trace.ColorScale.Map((level + 0.5) / ColorLevels);
            svg.Raw("<g").Attr("fill", color.ToHex()).Attr("fill-opacity", opacity).Raw(">\n");
            for (int i = 0; i < values.Length; i++)
            {
                if (levels[i] == level)
                {
                    AppendCircle(sb, frame, trace.X[i], trace.Y[i], r);
                }
            }

            svg.Raw("</g>\n");
        }
    }

    private static void AppendCircle(System.Text.StringBuilder sb, PanelFrame frame, double x, double y, double r)
    {
        double px = frame.X.Map(x), py = frame.Y.Map(y);
        if (!double.IsFinite(px) || !double.IsFinite(py))
        {
            return;
        }

        sb.Append("<circle cx=\"");
        Format.AppendPixel(sb, px);
        sb.Append("\" cy=\"");
        Format.AppendPixel(sb, py);
        sb.Append("\" r=\"");
        Format.AppendPixel(sb, r);
        sb.Append("\"/>\n");
    }

    private static void DrawLine(SvgWriter svg, PanelFrame frame, LineTrace trace)
    {
        var sb = svg.Builder;
        svg.Raw("<path fill=\"none\"").Attr("stroke", frame.Panel.ColorOf(trace).ToHex()).Attr("stroke-width", trace.Width)
            .Raw(" stroke-linejoin=\"round\" d=\"");
        bool penDown = false;
        for (int i = 0; i < trace.X.Count; i++)
        {
            double px = frame.X.Map(trace.X[i]), py = frame.Y.Map(trace.Y[i]);
            if (!double.IsFinite(px) || !double.IsFinite(py))
            {
                penDown = false;
                continue;
            }

            sb.Append(penDown ? 'L' : 'M');
            Format.AppendPixel(sb, px);
            sb.Append(' ');
            Format.AppendPixel(sb, py);
            penDown = true;
        }

        svg.Raw("\"/>\n");
        if (trace.X.Count == 1)
        {
            // A single epoch has no segment to stroke yet: show it as a dot.
            svg.Raw("<g").Attr("fill", frame.Panel.ColorOf(trace).ToHex()).Raw(">");
            AppendCircle(sb, frame, trace.X[0], trace.Y[0], trace.Width + 1);
            svg.Raw("</g>\n");
        }
    }

    private static void DrawBars(SvgWriter svg, PanelFrame frame, BarTrace trace, int slot, int slots)
    {
        string fill = frame.Panel.ColorOf(trace).ToHex();
        var categories = frame.X.Categories!;
        double band = frame.X.BandWidth * 0.8, width = band / slots;
        double zero = frame.Y.Map(frame.Y.Log ? Math.Pow(10, frame.Y.Min) : 0);
        svg.Raw("<g class=\"bars\"").Attr("fill", fill).Raw(">\n");
        for (int i = 0; i < trace.Categories.Length; i++)
        {
            int position = Array.IndexOf(categories, trace.Categories[i]);
            double x = frame.X.MapTransformed(position) - (band / 2) + (slot * width);
            double y = frame.Y.Map(trace.Values[i]);
            if (double.IsFinite(y))
            {
                svg.Rect(new Box(x, Math.Min(y, zero), width, Math.Abs(zero - y)), fill);
            }
        }

        svg.Raw("</g>\n");
    }

    private static void DrawHistogram(SvgWriter svg, PanelFrame frame, HistogramTrace trace)
    {
        string fill = frame.Panel.ColorOf(trace).ToHex();
        double zero = frame.Y.Map(frame.Y.Log ? Math.Pow(10, frame.Y.Min) : 0);
        svg.Raw("<g").Attr("fill", fill).Raw(" fill-opacity=\"0.85\" stroke=\"#ffffff\" stroke-width=\"0.5\">\n");
        for (int i = 0; i < trace.Counts.Length; i++)
        {
            double x0 = frame.X.Map(trace.Edges[i]), x1 = frame.X.Map(trace.Edges[i + 1]);
            double y = frame.Y.Map(trace.Counts[i]);
            if (trace.Counts[i] > 0 && double.IsFinite(y) && double.IsFinite(x0) && double.IsFinite(x1))
            {
                svg.Rect(new Box(x0, Math.Min(y, zero), x1 - x0, Math.Abs(zero - y)), fill);
            }
        }

        svg.Raw("</g>\n");
    }

    private static void DrawHeatmap(SvgWriter svg, PanelFrame frame, HeatmapTrace trace)
    {
        var (min, max) = trace.Range();
        int rows = trace.Z.GetLength(0), columns = trace.Z.GetLength(1);
        double w = frame.X.BandWidth, h = frame.Y.BandWidth;
        double fontSize = Math.Round(Math.Clamp(Math.Min(w / 4, h / 2), 6, 12), 1);
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                double v = trace.Z[r, c];
                var color = double.IsFinite(v) ? trace.ColorScale.Map((v - min) / (max - min == 0 ? 1 : max - min)) : new Rgb(255, 255, 255);
                var cell = new Box(frame.X.MapTransformed(c) - (w / 2), frame.Y.MapTransformed(r) - (h / 2), w, h);
                svg.Rect(cell, color.ToHex());
                if (trace.ShowValues && double.IsFinite(v))
                {
                    svg.Text(cell.CenterX, cell.CenterY + (fontSize * 0.35), Format.Short(v), size: fontSize,
                        fill: color.Luminance > 0.35 ? "#000000" : "#ffffff");
                }
            }
        }
    }
}
