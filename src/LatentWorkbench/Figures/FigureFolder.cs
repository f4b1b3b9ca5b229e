using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using LatentWorkbench.Common;
using LatentWorkbench.Data;
using LatentWorkbench.Figures.Chromium;
using LatentWorkbench.Figures.Plotly;
using LatentWorkbench.Images;
using LatentWorkbench.Tables;
using Microsoft.Data.Analysis;
using Plotly.NET;
using SixLabors.ImageSharp;

namespace LatentWorkbench.Figures;

/// <summary>
/// Saves chosen figures (charts, tables, images such as digit grids) to a folder of the user's, for a report: each as
/// <c>{id}.svg</c>, <c>{id}.png</c> at a chosen scale and <c>{id}.html</c> that works offline.
/// </summary>
/// <remarks>
/// A figure's file name is its id (<see cref="FigureLabels.WithId(GenericChart, string)"/>), else its title made into an
/// id (<see cref="FigureId.FromTitle"/>); a figure with neither is refused, since its files could not be found again.
/// Every format carries the figure's title and labels: charts and tables draw them, a digit grid's SVG and HTML set
/// them as text around its pixels and its PNG is a rendering of that SVG. PNGs are rendered by headless Chromium (no
/// network); without Chromium the PNGs are skipped and <see cref="SavedFigures.Skipped"/> says so, the rest is written.
/// Chart pages share one <c>plotly.min.js</c> written beside them.
/// </remarks>
public static partial class FigureFolder
{
    /// <summary>The environment variable naming the current run's output folder (set by the notebook runner while a notebook runs).</summary>
    public const string OutputVariable = "LATENTWORKBENCH_OUTPUT";

    /// <summary>
    /// A folder under the notebook's output: <c>{output}/{relativePath}</c>, where output is the folder the notebook
    /// runner writes this run to, else (VS Code, Jupyter) the runner's default <c>artifacts/</c> at the repository root.
    /// </summary>
    /// <param name="relativePath">A relative path with no <c>..</c>, e.g. <c>report/01-mnist-and-pca</c>.</param>
    /// <exception cref="ArgumentException">The path is rooted or leaves the output folder.</exception>
    public static string UnderOutput(string relativePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(relativePath);
        if (Path.IsPathRooted(relativePath) || relativePath.Replace('\\', '/').Split('/').Any(part => part == ".."))
        {
            throw new ArgumentException($"'{relativePath}' must be a path inside the output folder (relative, without '..').", nameof(relativePath));
        }

        string? runOutput = Environment.GetEnvironmentVariable(OutputVariable);
        string output = !string.IsNullOrWhiteSpace(runOutput)
            ? runOutput
            : Path.Combine(DataPaths.FindRepositoryRoot() ?? Directory.GetCurrentDirectory(), "artifacts");
        return Path.GetFullPath(Path.Combine(output, relativePath));
    }

    /// <summary>Saves each of <paramref name="figures"/> (a Plotly.NET chart, a DataFrame or an ImageSharp image) to <paramref name="folder"/> in <paramref name="formats"/>.</summary>
    /// <param name="folder">The folder (created if needed).</param>
    /// <param name="figures">The figures, each with an id or a title.</param>
    /// <param name="formats">Which formats to write.</param>
    /// <param name="pngScale">Device pixels per CSS pixel of the PNGs (2: twice the on-screen size, sharp in print).</param>
    /// <exception cref="ArgumentException">A figure of another type, or one with neither an id nor a title.</exception>
    public static SavedFigures Save(string folder, IEnumerable<object> figures, FigureFormats formats = FigureFormats.All, double pngScale = 2)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(pngScale, 0);
        var list = figures.ToList();
        var stems = Stems(list);
        string full = Path.GetFullPath(folder);
        Directory.CreateDirectory(full);
        var files = new List<string>();
        var skipped = new List<string>();
        for (int i = 0; i < list.Count; i++)
        {
            string stem = Path.Combine(full, stems[i]);
            if (formats.HasFlag(FigureFormats.Svg))
            {
                files.Add(Write(stem + ".svg", SvgOf(list[i])));
            }

            if (formats.HasFlag(FigureFormats.Html))
            {
                try
                {
                    files.Add(Write(stem + ".html", PageOf(list[i], full)));
                }
                catch (InvalidOperationException e)
                {
                    skipped.Add($"{stems[i]}.html: {e.Message}");
                }
            }

            if (formats.HasFlag(FigureFormats.Png))
            {
                try
                {
                    files.Add(WritePng(stem + ".png", list[i], pngScale));
                }
                catch (Exception e) when (e is ChromiumNotFoundException or InvalidOperationException)
                {
                    skipped.Add($"{stems[i]}.png: {e.Message}");
                }
            }
        }

        return new SavedFigures(full, files, skipped);
    }

    // Ids (else title slugs), made unique in order: a repeated one gets -2, -3, ...
    private static List<string> Stems(List<object> figures)
    {
        var stems = new List<string>();
        for (int i = 0; i < figures.Count; i++)
        {
            var figure = figures[i] ?? throw new ArgumentException($"figure {i + 1} is null.", nameof(figures));
            if (figure is not (GenericChart or DataFrame or Image))
            {
                throw new ArgumentException($"figure {i + 1} is a {figure.GetType().Name}; save a Plotly.NET chart, a DataFrame or an image.", nameof(figures));
            }

            var label = FigureLabels.Of(figure);
            string stem = label.Id ?? FigureId.FromTitle(label.Title)
                ?? throw new ArgumentException($"figure {i + 1} ({figure.GetType().Name}) has neither an id nor a title to name its files: give it one with .WithId(\"...\").", nameof(figures));
            string candidate = stem;
            for (int n = 2; stems.Contains(candidate); n++)
            {
                candidate = string.Create(CultureInfo.InvariantCulture, $"{stem}-{n}");
            }

            stems.Add(candidate);
        }

        return stems;
    }

    private static string SvgOf(object figure) => figure switch
    {
        GenericChart chart => chart.ToSvg(),
        DataFrame frame => frame.ToSvg(),
        _ => ((Image)figure).ToSvg(),
    };

    private static string PageOf(object figure, string folder)
    {
        var label = FigureLabels.Of(figure);
        string title = label.Caption ?? label.Title ?? "Figure";
        if (figure is GenericChart chart)
        {
            return PlotlyHtml.Document(chart.ToFigureJson(), PlotlyJs.CopyInto(folder), title);
        }

        string body = figure is DataFrame frame ? frame.ToHtml() : ((Image)figure).ToHtml();
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + WebUtility.HtmlEncode(title)
            + "</title>\n</head>\n<body style=\"margin:0;background:#ffffff\">\n" + body + "</body>\n</html>\n";
    }

    // Charts: plotly.js's own rendering. Tables and images: their SVG (title and labels included), rendered at the scale.
    private static string WritePng(string path, object figure, double scale)
    {
        byte[] png;
        if (figure is GenericChart chart)
        {
            png = chart.ToPng(scale);
        }
        else
        {
            png = SvgPng(SvgOf(figure), scale);
        }

        AtomicFile.WriteAllBytes(path, png);
        return Path.GetFullPath(path);
    }

    private static byte[] SvgPng(string svg, double scale)
    {
        var size = SvgSize().Match(svg);
        int width = size.Success ? (int)Math.Ceiling(double.Parse(size.Groups[1].Value, CultureInfo.InvariantCulture)) : 800;
        int height = size.Success ? (int)Math.Ceiling(double.Parse(size.Groups[2].Value, CultureInfo.InvariantCulture)) : 600;
        string scratch = Path.Combine(Path.GetTempPath(), "lwb-svgpng-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(scratch);
        try
        {
            string page = Path.Combine(scratch, "figure.html");
            File.WriteAllText(page, "<!DOCTYPE html>\n<html><body style=\"margin:0;background:#ffffff\">\n" + svg + "</body></html>\n");
            string png = Path.Combine(scratch, "figure.png");
            HeadlessChromium.Screenshot(page, png, width, height, scale);
            return File.ReadAllBytes(png);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static string Write(string path, string text)
    {
        AtomicFile.WriteAllText(path, text);
        return Path.GetFullPath(path);
    }

    [GeneratedRegex("<svg[^>]*?\\swidth=\"([0-9.]+)\"[^>]*?\\sheight=\"([0-9.]+)\"")]
    private static partial Regex SvgSize();
}
