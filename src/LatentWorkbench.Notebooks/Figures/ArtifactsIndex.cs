using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using LatentWorkbench.Notebooks.Model;

namespace LatentWorkbench.Notebooks.Figures;

/// <summary>
/// Writes <c>index.html</c> in an output folder: for each executed notebook (each <c>figures/NAME/figures.json</c>
/// manifest), a link to the executed .ipynb, whether it ran to the end, and its figures as SVG thumbnails with
/// their own captions (else titles) as plain text, markdown marks removed, and links to the SVG and interactive HTML files.
/// </summary>
public static class ArtifactsIndex
{
    /// <summary>The index page's file name.</summary>
    public const string FileName = "index.html";

    /// <summary>Builds the index from every manifest under <c><paramref name="directory"/>/figures/</c>; returns its path.</summary>
    public static string Write(string directory)
    {
        string root = Path.GetFullPath(directory);
        string figuresRoot = Path.Combine(root, "figures");
        var manifests = Directory.Exists(figuresRoot)
            ? Directory.GetFiles(figuresRoot, FigureExporter.ManifestFileName, SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
            : [];

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>LatentWorkbench results</title>\n<style>\n")
            .Append("body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem}\n")
            .Append("figure{display:inline-block;width:20rem;margin:0 1rem 1.5rem 0;vertical-align:top}\n")
            .Append("figure img{width:100%;border:1px solid #ddd}\n.failed{color:#b00020}\n</style>\n</head>\n<body>\n<h1>LatentWorkbench results</h1>\n");
        if (manifests.Count == 0)
        {
            html.Append("<p>No executed notebooks yet.</p>\n");
        }

        foreach (string manifestPath in manifests)
        {
            AppendNotebook(html, root, manifestPath);
        }

        html.Append("</body>\n</html>\n");
        string path = Path.Combine(root, FileName);
        AtomicFile.WriteAllText(path, html.ToString());
        return path;
    }

    private static void AppendNotebook(StringBuilder html, string root, string manifestPath)
    {
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!.AsObject();
        string notebook = manifest["notebook"]?.GetValue<string>() ?? Path.GetFileName(Path.GetDirectoryName(manifestPath)!);
        string folder = Path.GetRelativePath(root, Path.GetDirectoryName(manifestPath)!).Replace('\\', '/');
        html.Append($"<h2><a href=\"{Attr(notebook)}\">{Text(notebook)}</a></h2>\n");
        if (manifest["failure"]?.GetValue<string>() is { } failure)
        {
            html.Append($"<p class=\"failed\">Stopped: {Text(failure)}</p>\n");
        }

        var figures = manifest["figures"]?.AsArray() ?? [];
        if (figures.Count == 0)
        {
            html.Append("<p>No figures.</p>\n");
        }

        foreach (var figure in figures.OfType<JsonObject>())
        {
            string caption = PlainCaption.Of(figure["caption"]?.GetValue<string>() ?? figure["title"]?.GetValue<string>() ?? figure["id"]?.GetValue<string>() ?? string.Empty);
            // Manifests written before figures had ids list their files at the top level; a partial run keeps such folders.
            var files = figure["files"] as JsonObject ?? figure;
            string? svg = files["svg"]?.GetValue<string>() ?? files["png"]?.GetValue<string>();
            string? page = files["html"]?.GetValue<string>();
            html.Append("<figure>");
            if (svg is not null)
            {
                html.Append($"<a href=\"{Attr($"{folder}/{svg}")}\"><img src=\"{Attr($"{folder}/{svg}")}\" alt=\"{Text(caption)}\"></a>");
            }

            html.Append($"<figcaption>{Text(caption)}");
            if (page is not null)
            {
                html.Append($" (<a href=\"{Attr($"{folder}/{page}")}\">interactive</a>)");
            }

            html.Append("</figcaption></figure>\n");
        }
    }

    private static string Text(string text) => WebUtility.HtmlEncode(text);

    private static string Attr(string text) => WebUtility.HtmlEncode(Uri.EscapeDataString(text).Replace("%2F", "/", StringComparison.Ordinal));
}
