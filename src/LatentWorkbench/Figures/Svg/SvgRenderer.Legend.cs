namespace LatentWorkbench.Figures.Svg;

/// <summary>Legends and colour bars.</summary>
internal static partial class SvgRenderer
{
    private static void DrawLegend(SvgWriter svg, PanelFrame frame)
    {
        var (x, y) = frame.LegendOrigin;
        double row = y + 10;
        foreach (var trace in frame.Panel.LegendTraces)
        {
            string color = frame.Panel.ColorOf(trace).ToHex();
            switch (trace)
            {
                case LineTrace:
                    svg.Line(x, row, x + 18, row, color, 2.5);
                    break;
                case ScatterTrace:
                    svg.Raw("<circle").Attr("cx", x + 9).Attr("cy", row).Attr("r", 4.5).Attr("fill", color).Raw("/>\n");
                    break;
                default:
                    svg.Rect(new Box(x + 3, row - 6, 12, 12), color);
                    break;
            }

            svg.Text(x + 24, row + 4, trace.Name!, anchor: "start");
            row += PanelFrame.LegendRow;
        }
    }

    private static void DrawColorBar(SvgWriter svg, PanelFrame frame, Trace trace, string id)
    {
        var (scale, title, (min, max)) = trace switch
        {
            HeatmapTrace h => (h.ColorScale, h.ColorTitle, h.Range()),
            ScatterTrace s => (s.ColorScale, s.ColorTitle, DataRange.Of(s.ColorValues!)),
            _ => throw new InvalidOperationException("Only heatmaps and value-coloured scatters have colour bars."),
        };
        var bar = frame.ColorBar;
        svg.Raw("<defs><linearGradient").Attr("id", id).Raw(" x1=\"0\" y1=\"1\" x2=\"0\" y2=\"0\">");
        for (int i = 0; i < scale.Stops.Count; i++)
        {
            svg.Raw("<stop").Attr("offset", Format.Fraction(i / (double)(scale.Stops.Count - 1)).ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Attr("stop-color", scale.Stops[i].ToHex()).Raw("/>");
        }

        svg.Raw("</linearGradient></defs>\n");
        svg.Rect(bar, $"url(#{id})", "#444444");
        var (_, _, step, ticks) = Ticks.Linear(min, max, Math.Max(2, (int)(bar.Height / 50)), widen: false);
        foreach (double t in ticks)
        {
            double y = bar.Bottom - ((t - min) / (max - min) * bar.Height);
            svg.Line(bar.Right, y, bar.Right + 4, y, "#444444");
            svg.Text(bar.Right + 7, y + 4, Format.Tick(t, step), anchor: "start");
        }

        if (title is not null)
        {
            svg.Text(bar.X, bar.Y - 12, title, anchor: "start");
        }
    }
}
