using System.Buffers;
using System.Text;
using System.Text.Json;

namespace LatentWorkbench.Figures.Plotly;

/// <summary>
/// Writes a figure as a Plotly.js spec: <c>{"data": [...traces], "layout": {...}, "config": {...}}</c>.
/// </summary>
/// <remarks>
/// The layout reuses our own geometry (<see cref="FigureLayout"/>, <see cref="PanelFrame"/>): margins are 0 and
/// every axis gets an explicit domain and range, so the interactive figure opens on exactly the plot areas and
/// ranges of the static SVG. Histograms are sent as bars over our bins for the same reason. The JSON encoder
/// escapes &lt;, &gt; and &amp;, so the spec can be inlined in a &lt;script&gt; safely.
/// </remarks>
internal static partial class PlotlySpec
{
    public static string ToJson(Figure figure)
    {
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        using (var json = new Utf8JsonWriter(buffer))
        {
            Write(json, figure);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static void Write(Utf8JsonWriter json, Figure figure)
    {
        var layout = FigureLayout.Of(figure);
        var frames = new PanelFrame?[figure.Panels.Count];
        for (int i = 0; i < frames.Length; i++)
        {
            frames[i] = figure.Panels[i].Kind == PanelKind.Images ? null : PanelFrame.Of(figure.Panels[i], layout.Cells[i]);
        }

        json.WriteStartObject();
        json.WriteStartArray("data");
        for (int i = 0; i < frames.Length; i++)
        {
            var context = new TraceContext(figure.Panels[i], frames[i], layout, i);
            foreach (var trace in figure.Panels[i].Traces)
            {
                WriteTrace(json, context, trace);
            }
        }

        json.WriteEndArray();
        WriteLayout(json, figure, layout, frames);
        json.WriteStartObject("config");
        json.WriteBoolean("responsive", false);
        json.WriteBoolean("displaylogo", false);
        json.WriteStartObject("toImageButtonOptions");
        json.WriteString("format", "svg");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>Axis reference suffix of panel <paramref name="index"/>: "" for the first, then "2", "3", ….</summary>
    internal static string AxisSuffix(int index) => index == 0 ? "" : Format.Integer(index + 1);

    private static void WriteLayout(Utf8JsonWriter json, Figure figure, FigureLayout layout, PanelFrame?[] frames)
    {
        json.WriteStartObject("layout");
        json.WriteNumber("width", layout.Width);
        json.WriteNumber("height", layout.Height);
        json.WriteBoolean("autosize", false);
        json.WriteStartObject("margin");
        json.WriteNumber("l", 0);
        json.WriteNumber("r", 0);
        json.WriteNumber("t", 0);
        json.WriteNumber("b", 0);
        json.WriteEndObject();
        json.WriteStartObject("font");
        json.WriteString("family", Svg.SvgRenderer.FontFamily);
        json.WriteNumber("size", 11);
        json.WriteString("color", "#222222");
        json.WriteEndObject();
        json.WriteString("paper_bgcolor", "#ffffff");
        json.WriteString("plot_bgcolor", "#ffffff");
        json.WriteString("barmode", "group");
        json.WriteString("hovermode", "closest");
        if (figure.Title is not null)
        {
            json.WriteStartObject("title");
            json.WriteString("text", figure.Title);
            json.WriteNumber("x", 0.5);
            json.WriteString("xanchor", "center");
            json.WriteNumber("y", Format.Fraction(1 - (18.0 / layout.Height)));
            json.WriteString("yanchor", "middle");
            json.WriteStartObject("font");
            json.WriteNumber("size", 16);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        bool anyLegend = false;
        json.WriteStartArray("annotations");
        for (int i = 0; i < frames.Length; i++)
        {
            WritePanelAnnotations(json, figure.Panels[i], frames[i], layout, i);
        }

        json.WriteEndArray();
        for (int i = 0; i < frames.Length; i++)
        {
            if (frames[i] is { } frame)
            {
                WriteChartAxes(json, frame, layout, i);
                anyLegend |= frame.Panel.LegendVisible;
                if (frame.Panel.LegendVisible)
                {
                    WriteLegend(json, frame, layout, i);
                }
            }
            else
            {
                WriteImageAxes(json, figure.Panels[i], layout, i);
            }
        }

        json.WriteBoolean("showlegend", anyLegend);
        json.WriteEndObject();
    }

    private static void WriteLegend(Utf8JsonWriter json, PanelFrame frame, FigureLayout layout, int index)
    {
        json.WriteStartObject("legend" + AxisSuffix(index));
        var (x, y) = frame.LegendOrigin;
        json.WriteNumber("x", Format.Fraction(x / layout.Width));
        json.WriteNumber("y", Format.Fraction(1 - (y / layout.Height)));
        json.WriteString("xanchor", "left");
        json.WriteString("yanchor", "top");
        json.WriteString("bgcolor", "rgba(255,255,255,0)");
        json.WriteString("itemsizing", "constant");
        json.WriteEndObject();
    }

    private static void WritePanelAnnotations(Utf8JsonWriter json, Panel panel, PanelFrame? frame, FigureLayout layout, int index)
    {
        var cell = layout.Cells[index];
        if (panel.Title is not null)
        {
            double centerX = frame?.Plot.CenterX ?? cell.CenterX;
            double y = frame is null ? cell.Y + 15 : cell.Y + 15;
            WriteAnnotation(json, "<b>" + System.Net.WebUtility.HtmlEncode(panel.Title) + "</b>", centerX / layout.Width, 1 - (y / layout.Height), 13, "paper", "paper");
        }

        if (frame is null && panel.Traces.OfType<ImageTrace>().First().Grid is { Captions: { } captions } grid)
        {
            var gridLayout = ImageGridLayout.Of(grid);
            string suffix = AxisSuffix(index);
            var (_, scale) = gridLayout.Fit(ImageBox(panel, cell));
            double size = Math.Round(Math.Min(10, gridLayout.CaptionStrip * scale * 0.95), 1);
            for (int i = 0; i < captions.Count; i++)
            {
                var (ox, oy) = gridLayout.Origin(i);
                WriteAnnotation(json, System.Net.WebUtility.HtmlEncode(captions[i]), ox + (grid.ImageWidth / 2.0) - 0.5,
                    oy + grid.ImageHeight + (gridLayout.CaptionStrip / 2.0) - 0.5, size, "x" + suffix, "y" + suffix);
            }
        }
    }

    private static void WriteAnnotation(Utf8JsonWriter json, string text, double x, double y, double size, string xref, string yref)
    {
        json.WriteStartObject();
        json.WriteString("text", text);
        json.WriteNumber("x", xref == "paper" ? Format.Fraction(x) : x);
        json.WriteNumber("y", yref == "paper" ? Format.Fraction(y) : y);
        json.WriteString("xref", xref);
        json.WriteString("yref", yref);
        json.WriteBoolean("showarrow", false);
        json.WriteString("xanchor", "center");
        json.WriteString("yanchor", "middle");
        json.WriteStartObject("font");
        json.WriteNumber("size", size);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>The box an image panel's grid is fitted into (below the panel title), as the SVG does.</summary>
    internal static Box ImageBox(Panel panel, Box cell) =>
        panel.Title is null ? cell : new Box(cell.X, cell.Y + 30, cell.Width, cell.Height - 30);
}
