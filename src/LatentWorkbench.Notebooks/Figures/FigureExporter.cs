using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using LatentWorkbench.Notebooks.Formatting;
using LatentWorkbench.Notebooks.Model;

namespace LatentWorkbench.Notebooks.Figures;

/// <summary>
/// Writes every displayed figure of one notebook run to a folder as <c>{notebook}-{id}.svg</c> (the static twin),
/// <c>.png</c> (images) and <c>.html</c> (a standalone page around the interactive HTML), plus <c>figures.json</c>,
/// the manifest that reports and the artifacts index read. Ids are the figures' own (given or from their titles) or
/// their cell's stable id, so inserting or moving cells never renames a file.
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

    /// <summary>Exports a figure displayed by the cell with id <paramref name="cellId"/>.</summary>
    /// <param name="figure">The displayed bundle; its label's id, title and caption name and caption the files.</param>
    /// <param name="cellId">The displaying cell's stable id: untitled figures without an id are named after it.</param>
    public ExportedFigure Export(FormattedValue figure, string cellId)
    {
        ArgumentNullException.ThrowIfNull(figure);
        ArgumentException.ThrowIfNullOrWhiteSpace(cellId);
        string id = UniqueId(figure.Id ?? (figure.Title is { } title ? Slug(title) : "cell-" + Slug(cellId)));
        string stem = $"{_notebookStem}-{id}";
        string pageTitle = figure.Caption ?? figure.Title ?? stem;
        string? svgFile = null, htmlFile = null, pngFile = null;
        if (figure.Data.TryGetValue(MimeTypes.Svg, out string? svg))
        {
            svgFile = stem + ".svg";
            AtomicFile.WriteAllText(Path.Combine(Directory, svgFile), svg);
        }

        if (figure.Data.TryGetValue(MimeTypes.Png, out string? png))
        {
            // Images (digit grids) carry a PNG; the bundle holds it base64-encoded.
            pngFile = stem + ".png";
            AtomicFile.WriteAllBytes(Path.Combine(Directory, pngFile), Convert.FromBase64String(png));
        }

        if (figure.Data.TryGetValue(MimeTypes.Html, out string? html))
        {
            htmlFile = stem + ".html";
            AtomicFile.WriteAllText(Path.Combine(Directory, htmlFile), StandalonePage(pageTitle, html, PlotlyScript.IsPlotlyChart(html) ? PlotlyScriptFile() : null));
        }

        var exported = new ExportedFigure(id, stem, figure.Title, figure.Caption, cellId, svgFile, htmlFile, pngFile);
        _figures.Add(exported);
        return exported;
    }

    /// <summary>
    /// Writes <c>figures.json</c>: the notebook's name, the parameters it ran with, how the run ended, and for each figure
    /// its id, title, caption, notebook, parameters, cell and files by format.
    /// </summary>
    /// <param name="executedNotebookFile">The executed notebook's file name (relative to the folder above <c>figures/</c>).</param>
    /// <param name="parameters">The parameters the notebook ran with (its <c>metadata.papermill.parameters</c>).</param>
    /// <param name="failure">One line describing the failed cell, or null when every cell ran.</param>
    public void WriteManifest(string executedNotebookFile, JsonObject parameters, string? failure)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var figures = new JsonArray(_figures.Select(f => (JsonNode)new JsonObject
        {
            ["caption"] = f.Caption,
            ["cell_id"] = f.CellId,
            ["files"] = new JsonObject(f.Files.Select(file => KeyValuePair.Create(file.Key, (JsonNode?)file.Value))),
            ["formats"] = new JsonArray(f.Files.Keys.Select(k => (JsonNode)k).ToArray()),
            ["id"] = f.Id,
            ["notebook"] = executedNotebookFile,
            ["parameters"] = parameters.DeepClone(),
            ["title"] = f.Title,
        }).ToArray());
        var manifest = new JsonObject
        {
            ["failure"] = failure,
            ["figures"] = figures,
            ["notebook"] = executedNotebookFile,
            ["parameters"] = parameters.DeepClone(),
        };
        AtomicFile.WriteAllText(Path.Combine(Directory, ManifestFileName), SortedJsonWriter.Write(manifest));
    }

    /// <summary>A file-name slug: lower-case letters and digits, other runs of characters become one dash (at most 80 characters).</summary>
    /// <remarks>The same rule as the library's <c>FigureId.FromTitle</c>, so a title names a figure alike in the runner's folder and in a notebook's own export.</remarks>
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

        string result = slug.ToString()[..Math.Min(slug.Length, 80)].Trim('-');
        return result.Length == 0 ? "figure" : result;
    }

    private string UniqueId(string id)
    {
        string candidate = id;
        for (int n = 2; _figures.Any(f => f.Id == candidate); n++)
        {
            candidate = string.Create(CultureInfo.InvariantCulture, $"{id}-{n}");
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
