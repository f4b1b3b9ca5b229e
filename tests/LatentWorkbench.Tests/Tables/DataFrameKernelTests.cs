using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Tables;

/// <summary>A DataFrame displayed in the real C# kernel shows as our HTML table with its SVG twin, not the default object tree.</summary>
// A kernel swaps the process-wide Console writers while it runs: kernel tests run in one collection, one at a time.
[Collection(LatentWorkbench.Tests.Notebooks.NotebookRunsCollection.Name)]
public sealed class DataFrameKernelTests
{
    [Fact]
    public async Task A_Displayed_DataFrame_Carries_An_Html_Table_And_An_Svg_Twin()
    {
        var displays = await RealCSharpKernel.DisplaysAsync("""
            using LatentWorkbench.Tables;
            var table = DataFrames.FromRows(["method", "kNN accuracy"], [["PCA", 0.523412], ["t-SNE", 0.9512]], title: "Reducers");
            display(table);
            """);

        var bundle = Assert.Single(displays);
        Assert.Contains("<table class=\"latentworkbench-table\">", bundle["text/html"], StringComparison.Ordinal);
        Assert.Contains("<caption>Reducers</caption>", bundle["text/html"], StringComparison.Ordinal);
        Assert.Contains("<td style=\"text-align:right\">0.5234</td>", bundle["text/html"], StringComparison.Ordinal);
        Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"", bundle["image/svg+xml"], StringComparison.Ordinal);
        Assert.Contains(">0.9512</text>", bundle["image/svg+xml"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_DataFrame_Built_Without_Our_Helper_Is_Formatted_Too()
    {
        // new DataFrame(...) never calls into our builders: the module initializer must have registered already.
        var displays = await RealCSharpKernel.DisplaysAsync("""
            using Microsoft.Data.Analysis;
            LatentWorkbench.Tables.DataFrameFormatters.MimeTypes.ToString();
            var frame = new DataFrame(new DoubleDataFrameColumn("error", [0.125, 1e-6]));
            frame
            """);

        var bundle = Assert.Single(displays);
        Assert.Equal(["text/html", "image/svg+xml", "text/plain", "application/vnd.latentworkbench.figure+json"], bundle.Keys);
        Assert.Contains("<td style=\"text-align:right\">1e-06</td>", bundle["text/html"], StringComparison.Ordinal);
        Assert.Contains("0.125", bundle["text/plain"], StringComparison.Ordinal);
    }
}
