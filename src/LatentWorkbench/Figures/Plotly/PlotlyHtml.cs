using System.Net;
using System.Text;
using System.Text.Json;

namespace LatentWorkbench.Figures.Plotly;

/// <summary>HTML around a Plotly figure's JSON: a fragment for notebook outputs and standalone pages.</summary>
/// <remarks>
/// The fragment draws with <c>window.Plotly</c> when the page already has it (a standalone page that loaded the
/// local plotly.min.js, or a notebook where an earlier output loaded it); otherwise it loads plotly.js from the CDN,
/// through require.js where the page has it (classic Jupyter), else with a script tag (VS Code, JupyterLab).
/// A notebook fragment holds the chart's static SVG inside its div and swaps it for the interactive chart only once
/// plotly.js has loaded: a viewer that runs no script, Jupyter's HTML export opened offline and an offline kernel
/// all show the drawn SVG, never an empty box.
/// </remarks>
internal static class PlotlyHtml
{
    /// <summary>A &lt;div&gt; plus a script that draws the figure <paramref name="figureJson"/> with <c>Plotly.newPlot</c>.</summary>
    /// <param name="figureJson">Plotly figure JSON (<c>data</c>, <c>layout</c>, optional <c>config</c>).</param>
    /// <param name="elementId">The div's id: unique per output in notebooks, fixed in exported files.</param>
    /// <param name="staticSvg">The chart's static SVG, shown in the div until plotly.js draws (null: an empty div).</param>
    public static string Fragment(string figureJson, string elementId, string? staticSvg = null)
    {
        var (width, height) = Size(figureJson);
        var html = new StringBuilder(figureJson.Length + (staticSvg?.Length ?? 0) + 1600);
        html.Append("<div id=\"").Append(elementId).Append("\" class=\"latentworkbench-figure\" style=\"width:")
            .Append(Format.Integer(width)).Append("px;height:").Append(Format.Integer(height)).Append("px\">");
        if (staticSvg is not null)
        {
            html.Append('\n').Append(UniqueIds(staticSvg, elementId + "-"));
        }

        html.Append("</div>\n");
        html.Append("<script type=\"text/javascript\">\n(function () {\n  var id = \"").Append(elementId).Append("\";\n  var figure = ")
            .Append(figureJson).Append(";\n");
        html.Append("""
              function draw(plotly) {
                var div = document.getElementById(id);
                if (!div) { return; }
                div.textContent = "";
                return plotly.newPlot(div, figure.data, figure.layout, figure.config || {responsive: false});
              }
              function fail() {
                var div = document.getElementById(id);
                if (div) { div.title = "plotly.js could not be loaded from " + src + " (offline?): this is the static rendering."; }
              }
              if (window.Plotly) { draw(window.Plotly); return; }
              var src = "
            """).Append(PlotlyJs.CdnUrl).Append("""
            ";
              if (typeof window.requirejs === "function" && window.requirejs.config) {
                window.requirejs.config({paths: {plotly: src.replace(/\.js$/, "")}});
                window.requirejs(["plotly"], function (plotly) { window.Plotly = plotly; draw(plotly); }, fail);
                return;
              }
              var loading = window.__latentWorkbenchPlotly;
              if (!loading) {
                loading = window.__latentWorkbenchPlotly = new Promise(function (resolve, reject) {
                  var script = document.createElement("script");
                  script.src = src; script.onload = resolve; script.onerror = reject;
                  document.head.appendChild(script);
                });
              }
              loading.then(function () { draw(window.Plotly); }, function () { window.__latentWorkbenchPlotly = null; fail(); });
            })();
            </script>

            """);
        return html.ToString();
    }

    /// <summary>
    /// A script element that defines <c>window.Plotly</c> from <paramref name="plotlyJs"/> (the library's source) in any
    /// page: its UMD wrapper is handed no <c>define</c>, <c>module</c> or <c>exports</c>, so under require.js (classic
    /// Jupyter) it still sets the global instead of registering an anonymous module.
    /// </summary>
    public static string InlineScript(string plotlyJs) =>
        "<!-- plotly.js " + PlotlyJs.Version + " (npm " + PlotlyJs.PackageSpec + ", MIT licence), inlined so the charts below draw offline. -->\n"
        + "<script type=\"text/javascript\">\n(function (define, module, exports) {\n"
        + plotlyJs.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase)
        + "\n}).call(window);\n</script>\n";

    /// <summary>A standalone page that loads plotly.js from <paramref name="plotlyScript"/> (a relative path beside the page) and draws the figure.</summary>
    /// <param name="figureJson">Plotly figure JSON.</param>
    /// <param name="plotlyScript">The script's address relative to the page, e.g. <c>plotly.min.js</c>.</param>
    /// <param name="title">The page title.</param>
    public static string Document(string figureJson, string plotlyScript, string? title) =>
        Page(title ?? TitleOf(figureJson) ?? "Figure", plotlyScript, Fragment(figureJson, "figure"));

    /// <summary>A standalone page around <paramref name="body"/> (e.g. a notebook's HTML output) that loads plotly.js from <paramref name="plotlyScript"/> first.</summary>
    public static string Page(string title, string plotlyScript, string body) =>
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + WebUtility.HtmlEncode(title) + "</title>\n"
        + "<!-- plotly.js " + PlotlyJs.Version + " (npm " + PlotlyJs.PackageSpec + ", MIT licence), loaded from the file beside this page so it draws offline. -->\n"
        + "<script src=\"" + WebUtility.HtmlEncode(plotlyScript) + "\"></script>\n"
        + "</head>\n<body style=\"margin:0;background:#ffffff\">\n" + body + "</body>\n</html>\n";

    /// <summary>The layout's pixel size (Plotly's defaults, 700 × 450, when absent).</summary>
    public static (int Width, int Height) Size(string figureJson)
    {
        using var json = JsonDocument.Parse(figureJson);
        var layout = json.RootElement.TryGetProperty("layout", out var l) ? l : default;
        return (Dimension(layout, "width", 700), Dimension(layout, "height", 450));
    }

    /// <summary>The layout's title text, if any.</summary>
    public static string? TitleOf(string figureJson)
    {
        using var json = JsonDocument.Parse(figureJson);
        return json.RootElement.TryGetProperty("layout", out var layout) && layout.ValueKind == JsonValueKind.Object
            && layout.TryGetProperty("title", out var title)
            ? title.ValueKind == JsonValueKind.String ? title.GetString()
              : title.ValueKind == JsonValueKind.Object && title.TryGetProperty("text", out var text) ? text.GetString() : null
            : null;
    }

    // Several SVGs inline in one page share one id space: each fragment's clip paths and gradients get the div's id in front.
    private static string UniqueIds(string svg, string prefix) =>
        svg.Replace(" id=\"", " id=\"" + prefix, StringComparison.Ordinal).Replace("url(#", "url(#" + prefix, StringComparison.Ordinal);

    private static int Dimension(JsonElement layout, string name, int fallback) =>
        layout.ValueKind == JsonValueKind.Object && layout.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? (int)Math.Round(value.GetDouble()) : fallback;
}
