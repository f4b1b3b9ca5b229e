using LatentWorkbench.Figures;
using LatentWorkbench.Figures.Chromium;
using LatentWorkbench.Notebooks.Figures;
using LatentWorkbench.Notebooks.Formatting;
using LatentWorkbench.Tests.Figures;
using LatentWorkbench.Tests.TestUtilities;
using Plotly.NET;

namespace LatentWorkbench.Tests.Notebooks.Figures;

/// <summary>
/// The exporter writes each displayed chart's bundle as an SVG and a standalone page; the done-when check of the
/// figures work: every exported page draws in headless Chromium with no network (a Plotly main-svg appears).
/// </summary>
public sealed class FigureExporterTests
{
    [Fact]
    public void Every_Exported_Chart_Page_Draws_Offline_With_One_Shared_Plotly_Js()
    {
        ChromiumRenderingTests.RequireChromium();
        using var folder = new TempDirectory();
        var exporter = new FigureExporter(folder.File("figures"), "sample");
        var charts = SampleFigures.All.Where(s => s.Build() is GenericChart).ToList();
        for (int i = 0; i < charts.Count; i++)
        {
            exporter.Export(Bundle((GenericChart)charts[i].Build()) with { Id = FigureExporter.Slug(charts[i].Name) }, cellId: $"c{i}");
        }

        Assert.Null(exporter.PlotlyScriptFailure);
        Assert.Single(Directory.GetFiles(exporter.Directory, "*.js"), f => Path.GetFileName(f) == "plotly.min.js");
        Assert.Equal(charts.Count, exporter.Figures.Count);
        foreach (var figure in exporter.Figures)
        {
            string page = Path.Combine(exporter.Directory, figure.HtmlFile!);
            Assert.Contains("<script src=\"plotly.min.js\"></script>", File.ReadAllText(page), StringComparison.Ordinal);
            string dom = HeadlessChromium.DumpDom(page);
            Assert.True(dom.Contains("class=\"main-svg\"", StringComparison.Ordinal), $"{figure.HtmlFile} drew no Plotly main-svg offline");
            Assert.True(File.Exists(Path.Combine(exporter.Directory, figure.SvgFile!)), $"{figure.SvgFile} is missing");
        }
    }

    [Fact]
    public void The_Exporter_Leaves_What_Is_Already_In_Its_Folder()
    {
        using var folder = new TempDirectory();
        string existing = folder.File(Path.Combine("figures", "kept.txt"));
        Directory.CreateDirectory(Path.GetDirectoryName(existing)!);
        File.WriteAllText(existing, "staged by the runner");

        var exporter = new FigureExporter(folder.File("figures"), "sample");
        exporter.Export(Bundle(SampleFigures.Histogram()), "c1");

        Assert.Equal("staged by the runner", File.ReadAllText(existing));
    }

    [Fact]
    public void Pages_Without_A_Chart_Do_Not_Load_Plotly_Js()
    {
        using var folder = new TempDirectory();
        var exporter = new FigureExporter(folder.File("figures"), "sample");
        var table = new Dictionary<string, string>
        {
            ["text/html"] = "<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table>",
            ["image/svg+xml"] = "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>a b</text></svg>",
        };

        var exported = exporter.Export(new FormattedValue(table, IsFigure: true, Title: "table"), "c1");

        Assert.DoesNotContain("plotly.min.js", File.ReadAllText(Path.Combine(exporter.Directory, exported.HtmlFile!)), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(exporter.Directory, "plotly.min.js")));
    }

    [Fact]
    public void An_Image_Exports_Its_Png_Twin_Byte_For_Byte()
    {
        using var folder = new TempDirectory();
        var exporter = new FigureExporter(folder.File("figures"), "sample");
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10, 1, 2, 3];
        var bundle = new Dictionary<string, string> { ["image/png"] = Convert.ToBase64String(png), ["text/html"] = "<img alt=\"digits\">" };

        var exported = exporter.Export(new FormattedValue(bundle, IsFigure: true, Title: "digits"), "c1");
        exporter.WriteManifest("sample.ipynb", [], null);

        Assert.Null(exported.SvgFile);
        Assert.Equal(png, File.ReadAllBytes(Path.Combine(exporter.Directory, exported.PngFile!)));
        Assert.Contains("\"png\": \"sample-digits.png\"", File.ReadAllText(Path.Combine(exporter.Directory, FigureExporter.ManifestFileName)), StringComparison.Ordinal);
    }

    // What the kernel's formatters hand the runner for a displayed chart.
    private static FormattedValue Bundle(GenericChart chart) => new(
        new Dictionary<string, string> { ["text/html"] = chart.ToHtml(), ["image/svg+xml"] = chart.ToSvg() }, IsFigure: true, Title: null);
}
