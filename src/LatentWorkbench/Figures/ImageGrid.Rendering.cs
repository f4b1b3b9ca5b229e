using LatentWorkbench.Figures.Display;
using LatentWorkbench.Figures.Svg;

namespace LatentWorkbench.Figures;

/// <summary>The renderings of an image grid.</summary>
public sealed partial class ImageGrid
{
    /// <inheritdoc/>
    public IReadOnlyList<string> MimeTypes { get; } = [Display.MimeTypes.Html, Display.MimeTypes.Svg];

    /// <summary>A standalone SVG: the grid as one embedded PNG, with labels and captions as text.</summary>
    public string ToSvg() => SvgRenderer.Render(ToScene());

    /// <summary>HTML for notebooks: the SVG inline (no script needed, so it shows offline too).</summary>
    public string ToHtml() => "<div class=\"latentworkbench-images\">\n" + ToSvg() + "</div>\n";

    /// <summary>A grayscale PNG of the images themselves, <see cref="PixelScale"/> pixels per image pixel,
    /// encoded by ImageSharp (labels and captions are in the SVG and HTML renderings only).</summary>
    public byte[] ToPng() => ImageGridLayout.Of(this).CompositePng(PixelScale);

    /// <summary>Saves by extension: .png (direct), .svg, .html or .json (Plotly spec).</summary>
    /// <returns>The full path written.</returns>
    /// <exception cref="ArgumentException">The extension is not one of those four.</exception>
    public string SaveAs(string path) => FigureFile.Save(path, extension => extension switch
    {
        ".png" => ToPng(),
        ".svg" => FigureFile.Utf8(ToSvg()),
        ".html" => FigureFile.Utf8("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
            + System.Net.WebUtility.HtmlEncode(Title ?? "Images") + "</title>\n</head>\n<body style=\"margin:0\">\n" + ToHtml() + "</body>\n</html>\n"),
        _ => throw new ArgumentException($"Cannot save '{path}' as JSON: an image grid has no Plotly spec; use .png, .svg or .html.", nameof(path)),
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
