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
/// the artifacts index is built from.
/// </summary>
/// <remarks>
/// The folder is created but never emptied: the runner stages each run's output in a fresh folder and swaps it in
/// on success. Pages of Plotly charts draw offline: they load <c>plotly.min.js</c> from the same folder, written
/// there once per folder from the library's verified copy (<see cref="PlotlyScript"/>).
/// </remarks>
public sealed class FigureExporter
{
    /// <summary>The manifest's file name inside a figures folder.</summary>
    public const string ManifestFileName = "figures.json";

    private readonly string _notebookStem;
    private readonly List<ExportedFigure> _figures = [];
    private bool _plotlyScriptTried;
    private string? _plotlyScript;

    /// <summary>Creates an exporter into <paramref name="directory"/> for the notebook named <paramref name="notebookStem"/>.</summary>
    public FigureExporter(string directory, string notebookStem)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentException.ThrowIfNullOrWhiteSpace(notebookStem);
        Directory = Path.GetFullPath(directory);
        _notebookStem = notebookStem;
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
        string? svgFile = null, htmlFile = null, pngFile = null;
        if (figure.Data.TryGetValue(MimeTypes.Svg, out string? svg))
        {
            svgFile = name + ".svg";
            AtomicFile.WriteAllText(Path.Combine(Directory, svgFile), svg);
        }
        else if (figure.Data.TryGetValue(MimeTypes.Png, out string? png))
        {
            // Images (digit grids) carry a PNG twin instead of an SVG one; the bundle holds it base64-encoded.
            pngFile = name + ".png";
            AtomicFile.WriteAllBytes(Path.Combine(Directory, pngFile), Convert.FromBase64String(png));
        }

        if (figure.Data.TryGetValue(MimeTypes.Html, out string? html))
        {
            htmlFile = name + ".html";
            AtomicFile.WriteAllText(Path.Combine(Directory, htmlFile), StandalonePage(caption, html, PlotlyScript.IsPlotlyChart(html) ? PlotlyScriptFile() : null));
        }

        var exported = new ExportedFigure(name, caption, cellNumber, svgFile, htmlFile, pngFile);
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
            ["png"] = f.PngFile,
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

    // plotly.min.js is copied into the folder at the first chart; null when no local copy could be had (the page then loads the CDN).
    private string? PlotlyScriptFile()
    {
        if (!_plotlyScriptTried)
        {
            _plotlyScriptTried = true;
            (_plotlyScript, PlotlyScriptFailure) = PlotlyScript.CopyInto(Directory);
        }

        return _plotlyScript;
    }

    /// <summary>Why the pages of this folder could not get a local plotly.js (null: they have one, or no chart needed it).</summary>
    public string? PlotlyScriptFailure { get; private set; }

    private static string StandalonePage(string caption, string body, string? plotlyScript) =>
        $"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{WebUtility.HtmlEncode(caption)}</title>\n"
        + (plotlyScript is null ? "" : $"<script src=\"{WebUtility.HtmlEncode(plotlyScript)}\"></script>\n")
        + $"</head>\n<body>\n{body}\n</body>\n</html>\n";
}
