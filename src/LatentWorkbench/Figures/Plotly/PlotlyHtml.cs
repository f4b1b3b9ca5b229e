using System.Net;
using System.Text;

namespace LatentWorkbench.Figures.Plotly;

/// <summary>HTML around a Plotly spec: a notebook fragment that loads plotly.js from its CDN, and a standalone
/// document that embeds a verified local copy (or falls back to the CDN, saying so in the file).</summary>
internal static class PlotlyHtml
{
    /// <summary>A &lt;div&gt; plus a script that draws <paramref name="figure"/> with <c>Plotly.newPlot</c>.</summary>
    /// <param name="figure">The figure.</param>
    /// <param name="elementId">The div's id: unique per output in notebooks, fixed in exported files.</param>
    public static string Fragment(Figure figure, string elementId)
    {
        var layout = FigureLayout.Of(figure);
        string spec = PlotlySpec.ToJson(figure);
        var html = new StringBuilder(spec.Length + 1400);
        html.Append("<div id=\"").Append(elementId).Append("\" class=\"latentworkbench-figure\" style=\"width:")
            .Append(Format.Integer(layout.Width)).Append("px;height:").Append(Format.Integer(layout.Height)).Append("px\"></div>\n");
        html.Append("<script type=\"text/javascript\">\n(function () {\n  var id = \"").Append(elementId).Append("\";\n  var spec = ")
            .Append(spec).Append(";\n");
        html.Append("""
              function draw() { return window.Plotly.newPlot(id, spec.data, spec.layout, spec.config); }
              if (window.Plotly) { draw(); return; }
              var src = "
            """).Append(PlotlyJs.CdnUrl).Append("""
            ";
              var loading = window.__latentWorkbenchPlotly;
              if (!loading) {
                loading = window.__latentWorkbenchPlotly = new Promise(function (resolve, reject) {
                  var script = document.createElement("script");
                  script.src = src; script.onload = resolve; script.onerror = reject;
                  document.head.appendChild(script);
                });
              }
              loading.then(draw, function () {
                window.__latentWorkbenchPlotly = null;
                var div = document.getElementById(id);
                if (div) { div.textContent = "plotly.js could not be loaded from " + src + " (offline?). This output also carries a static SVG rendering."; }
              });
            })();
            </script>

            """);
        return html.ToString();
    }

    /// <summary>A complete HTML document; plotly.js is embedded when a verified local copy can be had.</summary>
    public static string Document(Figure figure)
    {
        var asset = PlotlyJs.TryGetLocal();
        string title = WebUtility.HtmlEncode(figure.Title ?? figure.Panels.FirstOrDefault()?.Title ?? "Figure");
        var html = new StringBuilder(asset.Script?.Length + 200_000 ?? 200_000);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(title).Append("</title>\n");
        if (asset.Script is { } script)
        {
            html.Append("<!-- plotly.js ").Append(PlotlyJs.Version).Append(" from the npm package ").Append(PlotlyJs.PackageSpec)
                .Append(", embedded so this file works offline (MIT licence, Copyright Plotly, Inc.). -->\n<script type=\"text/javascript\">\n")
                .Append(script).Append("\n</script>\n");
        }
        else
        {
            html.Append("<!-- NOTE: a local copy of plotly.js could not be had (").Append(asset.Failure!.Replace("--", "- -", StringComparison.Ordinal))
                .Append("); this file loads plotly.js from ").Append(PlotlyJs.CdnUrl).Append(" and needs a network connection to draw. -->\n");
        }

        html.Append("</head>\n<body style=\"margin:0;background:#ffffff\">\n");
        html.Append(Fragment(figure, "figure"));
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }
}
