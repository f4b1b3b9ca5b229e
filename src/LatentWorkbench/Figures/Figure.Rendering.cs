using LatentWorkbench.Figures.Chromium;
using LatentWorkbench.Figures.Display;
using LatentWorkbench.Figures.Plotly;
using LatentWorkbench.Figures.Svg;

namespace LatentWorkbench.Figures;

/// <summary>The renderings of a figure.</summary>
public sealed partial class Figure
{
    /// <inheritdoc/>
    public IReadOnlyList<string> MimeTypes { get; } = [Display.MimeTypes.Html, Display.MimeTypes.Svg];

    /// <summary>A standalone SVG document from our own renderer (deterministic bytes).</summary>
    public string ToSvg() => SvgRenderer.Render(this);

    /// <summary>The Plotly.js spec: <c>{"data": [...], "layout": {...}, "config": {...}}</c>.</summary>
    public string ToPlotlyJson() => PlotlySpec.ToJson(this);

    /// <summary>An HTML fragment for notebooks: a div and a script that loads plotly.js from its CDN and draws.</summary>
    public string ToHtml() => PlotlyHtml.Fragment(this, "lwb-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>A complete HTML file with plotly.js embedded (fetched once with npm; CDN fallback noted in the file).</summary>
    public string ToHtmlDocument() => PlotlyHtml.Document(this);

    /// <summary>A PNG of the static rendering, rasterized by headless Chromium.</summary>
    /// <param name="deviceScale">Pixels per SVG pixel (2 is crisp in reports).</param>
    /// <exception cref="ChromiumNotFoundException">Chromium is not installed (save as .svg instead).</exception>
    public byte[] ToPng(double deviceScale = 2)
    {
        var layout = FigureLayout.Of(this);
        string folder = Path.Combine(Path.GetTempPath(), "lwb-png-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            string page = Path.Combine(folder, "figure.html");
            File.WriteAllText(page, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><style>html,body{margin:0;background:#ffffff}svg{display:block}</style></head><body>\n"
                + ToSvg() + "</body></html>\n");
            string png = Path.Combine(folder, "figure.png");
            HeadlessChromium.Screenshot(page, png, layout.Width, layout.Height, deviceScale, scriptMilliseconds: 500);
            return File.ReadAllBytes(png);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Saves by extension: .html (interactive, standalone), .svg, .png (via Chromium) or .json (Plotly spec).</summary>
    /// <returns>The full path written.</returns>
    /// <exception cref="ArgumentException">The extension is not one of those four.</exception>
    public string SaveAs(string path) => FigureFile.Save(path, extension => extension switch
    {
        ".html" => FigureFile.Utf8(ToHtmlDocument()),
        ".svg" => FigureFile.Utf8(ToSvg()),
        ".png" => ToPng(),
        _ => FigureFile.Utf8(ToPlotlyJson()),
    });

    /// <inheritdoc/>
    public string Render(string mimeType) => mimeType switch
    {
        Display.MimeTypes.Html => ToHtml(),
        Display.MimeTypes.Svg => ToSvg(),
        Display.MimeTypes.PlainText => ToString(),
        _ => throw MimeBundle.Unsupported(mimeType, this),
    };

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, string> ToMimeBundle() => MimeBundle.Of(this);
}
