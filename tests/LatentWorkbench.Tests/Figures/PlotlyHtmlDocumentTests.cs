namespace LatentWorkbench.Tests.Figures;

public sealed class PlotlyHtmlDocumentTests
{
    [Fact]
    public void Without_A_Local_Plotly_The_File_Loads_The_Cdn_And_Says_Why()
    {
        var figure = SampleFigures.Histogram();
        string html = LatentWorkbench.Figures.Plotly.PlotlyHtml.Document(figure, new(null, "npm is not on PATH"));

        Assert.Contains("NOTE: a local copy of plotly.js could not be had (npm is not on PATH)", html, StringComparison.Ordinal);
        Assert.Contains(LatentWorkbench.Figures.Plotly.PlotlyJs.CdnUrl, html, StringComparison.Ordinal);
        Assert.Contains("<div id=\"figure\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void With_A_Local_Plotly_The_Script_Is_Embedded_Before_The_Figure()
    {
        string html = LatentWorkbench.Figures.Plotly.PlotlyHtml.Document(SampleFigures.Histogram(), new("window.Plotly = {};", null));
        int script = html.IndexOf("window.Plotly = {};", StringComparison.Ordinal);
        int figure = html.IndexOf("<div id=\"figure\"", StringComparison.Ordinal);
        Assert.InRange(script, 0, figure);
        Assert.DoesNotContain("NOTE:", html, StringComparison.Ordinal);
    }
}
