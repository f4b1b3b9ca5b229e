using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using LatentWorkbench.Notebooks.Formatting;
using LatentWorkbench.Notebooks.Model;

namespace LatentWorkbench.Notebooks.Figures;

/// <summary>
/// Writes every displayed figure of one notebook run to a folder: <c>NAME.svg</c> (the static twin) and
/// <c>NAME.html</c> (a standalone page around the interactive HTML), plus <c>figures.json</c>, the manifest
/// the artifacts index is built from. The folder is emptied first, so it never mixes runs.
/// </summary>
public sealed class FigureExporter
{
    /// <summary>The manifest's file name inside a figures folder.</summary>
    public const string ManifestFileName = "figures.json";

    private readonly string _notebookStem;
    private readonly List<ExportedFigure> _figures = [];

    /// <summary>Creates an exporter into <paramref name="directory"/> for the notebook named <paramref name="notebookStem"/>.</summary>
    public FigureExporter(string directory, string notebookStem)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentException.ThrowIfNullOrWhiteSpace(notebookStem);
        Directory = Path.GetFullPath(directory);
        _notebookStem = notebookStem;
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }

        System.IO.Directory.CreateDirectory(Directory);
    }

    /// <summary>The figures folder.</summary>
    public string Directory { get; }

    /// <summary>The figures exported so far, in order.</summary>
    public IReadOnlyList<ExportedFigure> Figures => _figures;

    /// <summary>Exports the <paramref name="indexInCell"/>-th (1-based) figure of cell <paramref name="cellNumber"/>.</summary>
    public ExportedFigure Export(FormattedValue figure, int cellNumber, int indexInCell, string? contextCaption)
    {
        ArgumentNullException.ThrowIfNull(figure);
        string name = UniqueName(figure.Title is { } title ? Slug(title) : $"{_notebookStem}-cell{cellNumber}-{indexInCell}");
        string caption = figure.Title ?? contextCaption ?? $"{_notebookStem}, cell {cellNumber}, figure {indexInCell}";
        string? svgFile = null, htmlFile = null;
        if (figure.Data.TryGetValue(MimeTypes.Svg, out string? svg))
        {
            svgFile = name + ".svg";
            AtomicFile.WriteAllText(Path.Combine(Directory, svgFile), svg);
        }

        if (figure.Data.TryGetValue(MimeTypes.Html, out string? html))
        {
            htmlFile = name + ".html";
            AtomicFile.WriteAllText(Path.Combine(Directory, htmlFile), StandalonePage(caption, html));
        }

        var exported = new ExportedFigure(name, caption, cellNumber, svgFile, htmlFile);
        _figures.Add(exported);
        return exported;
    }

    /// <summary>Writes <c>figures.json</c>: the notebook's name, how the run ended, and each figure's name, caption, cell and files.</summary>
    /// <param name="executedNotebookFile">The executed notebook's file name (relative to the folder above <c>figures/</c>).</param>
    /// <param name="failure">One line describing the failed cell, or null when every cell ran.</param>
    public void WriteManifest(string executedNotebookFile, string? failure)
    {
        var figures = new JsonArray(_figures.Select(f => (JsonNode)new JsonObject
        {
            ["caption"] = f.Caption,
            ["cell"] = f.CellNumber,
            ["html"] = f.HtmlFile,
            ["name"] = f.Name,
            ["svg"] = f.SvgFile,
        }).ToArray());
        var manifest = new JsonObject { ["failure"] = failure, ["figures"] = figures, ["notebook"] = executedNotebookFile };
        AtomicFile.WriteAllText(Path.Combine(Directory, ManifestFileName), SortedJsonWriter.Write(manifest));
    }

    /// <summary>A file-name slug: lower-case letters and digits, other runs of characters become one dash.</summary>
    public static string Slug(string text)
    {
        var slug = new StringBuilder();
        foreach (char c in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        string result = slug.ToString().Trim('-');
        return result.Length == 0 ? "figure" : result[..Math.Min(result.Length, 80)];
    }

    private string UniqueName(string name)
    {
        string candidate = name;
        for (int n = 2; _figures.Any(f => f.Name == candidate); n++)
        {
            candidate = string.Create(CultureInfo.InvariantCulture, $"{name}-{n}");
        }

        return candidate;
    }

    private static string StandalonePage(string caption, string body) =>
        $"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{WebUtility.HtmlEncode(caption)}</title>\n</head>\n<body>\n{body}\n</body>\n</html>\n";
}
