using System.Globalization;
using LatentWorkbench.Figures.Chromium;
using LatentWorkbench.Figures.Plotly;
using LatentWorkbench.Figures.Svg;
using Plotly.NET;

namespace LatentWorkbench.Figures;

/// <summary>
/// Renders any Plotly.NET chart (ours or a user's): Plotly figure JSON, a static SVG drawn without a browser, the
/// interactive HTML fragment notebooks show, PNG through headless Chromium, and files of each.
/// </summary>
/// <remarks>
/// The SVG is drawn from the chart's figure JSON by our own renderer, which knows the 2-D trace types the workbench
/// uses (scatter/scattergl as markers or lines, bar, histogram, heatmap, grids of subplots); traces of other types
/// are listed in a note under the figure instead of drawn. The PNG is plotly.js's own rendering (local copy, no
/// network), so it shows every trace type.
/// </remarks>
public static class ChartExport
{
    /// <summary>The file extensions <see cref="SaveAs"/> understands.</summary>
    public static IReadOnlyList<string> Extensions => FigureFile.Extensions;

    private static int _displayCount;

    /// <summary>The chart's Plotly figure JSON (<c>data</c>, <c>layout</c>, <c>frames</c>) as Plotly.NET serializes it; same chart, same bytes.</summary>
    public static string ToFigureJson(this GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return GenericChart.toFigureJson(chart);
    }

    /// <summary>A standalone, deterministic SVG document of the chart (no browser needed).</summary>
    public static string ToSvg(this GenericChart chart) => SvgRenderer.Render(PlotlyFigureReader.Read(chart.ToFigureJson()));

    /// <summary>
    /// The notebook fragment: a div holding the chart's static SVG and a script that replaces it with the interactive
    /// chart once plotly.js is at hand (the page's, else loaded from the CDN); where no script runs or plotly.js cannot
    /// load, the SVG stays.
    /// </summary>
    /// <param name="chart">The chart.</param>
    /// <param name="elementId">The div's id (default: a fresh one per call, as each notebook output needs).</param>
    public static string ToHtml(this GenericChart chart, string? elementId = null)
    {
        ArgumentNullException.ThrowIfNull(chart);
        string json = chart.ToFigureJson();
        return PlotlyHtml.Fragment(json,
            elementId ?? "lwb-" + Interlocked.Increment(ref _displayCount).ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8],
            SvgRenderer.Render(PlotlyFigureReader.Read(json)));
    }

    /// <summary>A PNG of plotly.js's rendering in headless Chromium, offline (the local plotly.js copy), at <paramref name="deviceScale"/> device pixels per CSS pixel.</summary>
    /// <exception cref="ChromiumNotFoundException">Chromium is not installed.</exception>
    /// <exception cref="InvalidOperationException">plotly.js could not be had, or Chromium failed.</exception>
    public static byte[] ToPng(this GenericChart chart, double deviceScale = 2)
    {
        string json = chart.ToFigureJson();
        var (width, height) = PlotlyHtml.Size(json);
        string folder = Path.Combine(Path.GetTempPath(), "lwb-png-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            string script = PlotlyJs.CopyInto(folder);
            string page = Path.Combine(folder, "figure.html");
            File.WriteAllText(page, PlotlyHtml.Document(StaticConfig(json), script, null));
            string png = Path.Combine(folder, "figure.png");
            HeadlessChromium.Screenshot(page, png, width, height, deviceScale, scriptMilliseconds: 5000);
            return File.ReadAllBytes(png);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Saves the chart; the extension picks the format (see <see cref="Extensions"/>). Returns the full path.</summary>
    /// <remarks>
    /// <c>.html</c> writes a page that references <c>plotly.min.js</c> in the same folder and copies that file there once
    /// (so a folder of pages shares one 4.8 MB copy and draws offline); <c>.svg</c> is the static rendering; <c>.png</c>
    /// needs Chromium; <c>.json</c> is the Plotly figure. Written through a temp file and renamed, never half-written.
    /// </remarks>
    /// <exception cref="ArgumentException">An extension not in <see cref="Extensions"/>.</exception>
    public static string SaveAs(this GenericChart chart, string path)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return FigureFile.Save(path, extension => extension switch
        {
            ".html" => FigureFile.Utf8(PlotlyHtml.Document(chart.ToFigureJson(), PlotlyJs.CopyInto(Path.GetDirectoryName(Path.GetFullPath(path))!), null)),
            ".svg" => FigureFile.Utf8(chart.ToSvg()),
            ".png" => chart.ToPng(),
            _ => FigureFile.Utf8(chart.ToFigureJson()),
        });
    }

    // A screenshot has no use for the mode bar that appears on hover.
    private static string StaticConfig(string json) =>
        json.EndsWith('}') ? json[..^1] + ",\"config\":{\"staticPlot\":true,\"displayModeBar\":false}}" : json;
}
