using System.Diagnostics;
using System.Text.RegularExpressions;
using LatentWorkbench.Figures.Chromium;
using LatentWorkbench.Tests.Figures;
using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Notebooks.Figures;

/// <summary>
/// Charts that show everywhere (issue 23's done-when): Jupyter's own HTML export of an executed notebook, opened in
/// headless Chromium with the network blocked (plotly.js cannot load), shows every chart drawn as an SVG with its marks.
/// </summary>
[Collection(NotebookRunsCollection.Name)]
public sealed partial class JupyterHtmlExportTests
{
    [SkippableFact]
    public void Nbconvert_Html_Of_An_Executed_Notebook_Shows_Every_Chart_Offline()
    {
        Skip.If(FindNbconvert() is null, "jupyter nbconvert is not installed (Debian: apt-get install jupyter-nbconvert; .ci/run installs it): the offline HTML export check cannot run");
        ChromiumRenderingTests.RequireChromium();
        using var scratch = new TempDirectory();
        string notebook = FigureFixtureNotebook.Write(scratch, "charts.ipynb", insertMarkdown: false);
        var result = FigureFixtureNotebook.Run(scratch, notebook, "out");
        int charts = result.Notebook.Cells.SelectMany(c => c.Outputs)
            .Count(o => o["data"]?["text/html"] is { } html && html.ToJsonString().Contains("newPlot(", StringComparison.Ordinal));
        Assert.Equal(2, charts);

        string html = Nbconvert(scratch.File(Path.Combine("out", "charts.ipynb")));
        string dom = HeadlessChromium.DumpDom(html);

        var figures = FigureDiv().Matches(dom).Select(m => m.Value).ToList();
        Assert.Equal(charts, figures.Count);
        Assert.All(figures, figure =>
        {
            Assert.Contains("<svg", figure, StringComparison.Ordinal);
            Assert.Contains("class=\"panel\"", figure, StringComparison.Ordinal);
            Assert.True(Marks().IsMatch(figure), $"a chart's SVG holds no marks: {figure[..Math.Min(figure.Length, 400)]}");
        });
        Assert.DoesNotContain("class=\"main-svg\"", dom, StringComparison.Ordinal);   // plotly.js never loaded: what shows is our SVG
    }

    [SkippableFact]
    public void With_Plotly_Js_Inlined_Every_Chart_Is_Interactive_Offline_And_Plotly_Js_Is_Carried_Once()
    {
        Skip.If(FindNbconvert() is null, "jupyter nbconvert is not installed (Debian: apt-get install jupyter-nbconvert; .ci/run installs it): the offline HTML export check cannot run");
        ChromiumRenderingTests.RequireChromium();
        using var scratch = new TempDirectory();
        string notebook = FigureFixtureNotebook.Write(scratch, "inlined.ipynb", insertMarkdown: false, inlinePlotlyJs: true);
        var result = FigureFixtureNotebook.Run(scratch, notebook, "out");
        var chartHtml = result.Notebook.Cells.SelectMany(c => c.Outputs)
            .Select(o => o["data"]?["text/html"]?.ToJsonString() ?? "").Where(h => h.Contains("newPlot(", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, chartHtml.Count);
        Assert.Single(chartHtml, h => h.Contains("inlined so the charts below draw offline", StringComparison.Ordinal));

        string dom = HeadlessChromium.DumpDom(Nbconvert(scratch.File(Path.Combine("out", "inlined.ipynb"))));

        var figures = FigureDiv().Matches(dom).Select(m => m.Value).ToList();
        Assert.Equal(2, figures.Count);
        Assert.All(figures, figure => Assert.Contains("class=\"main-svg\"", figure, StringComparison.Ordinal));
    }

    private static string? FindNbconvert()
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return folders.Select(folder => Path.Combine(folder, "jupyter-nbconvert")).FirstOrDefault(File.Exists);
    }

    private static string Nbconvert(string notebook)
    {
        var start = new ProcessStartInfo(FindNbconvert()!, ["--to", "html", notebook]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "jupyter nbconvert did not finish within 2 minutes");
        Assert.True(process.ExitCode == 0, $"jupyter nbconvert failed: {stderr.GetAwaiter().GetResult()}");
        return Path.ChangeExtension(notebook, ".html");
    }

    // One chart output: our div (the static SVG inside it, or plotly.js's drawing had it loaded) up to its script.
    [GeneratedRegex("<div id=\"lwb-[^\"]*\" class=\"latentworkbench-figure[^\"]*\".*?</div>\\s*<script", RegexOptions.Singleline)]
    private static partial Regex FigureDiv();

    // Drawn marks inside the plot area: lines (path), points (circle), bars and heat cells (rect).
    [GeneratedRegex("<g clip-path=\"url\\(#[^\"]*\\)\">\\s*<(path|circle|rect|g)[ >]")]
    private static partial Regex Marks();
}
