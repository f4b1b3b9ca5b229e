using System.Xml.Linq;
using LatentWorkbench.Figures;

namespace LatentWorkbench.Tests.Figures;

/// <summary>
/// Charts in a real in-process C# kernel (the one VS Code and Jupyter run): <c>display(chart)</c> must yield one
/// output carrying both text/html (interactive) and image/svg+xml (the static twin GitHub shows).
/// </summary>
// A kernel swaps the process-wide Console writers while it runs: kernel tests run in one collection, one at a time.
[Collection(LatentWorkbench.Tests.Notebooks.NotebookRunsCollection.Name)]
public sealed class ChartKernelDisplayTests
{
    [Fact]
    public async Task Display_Of_A_Workbench_Chart_Yields_Html_And_Svg()
    {
        var values = await DisplayedIn("""
            LatentWorkbench.Compute.TorchRuntime.EnsureInitialized();
            var points = TorchSharp.torch.tensor(new float[] { 0, 0, 1, 1, 2, 0.5f, 3, 2 }, [4, 2]);
            var chart = Charts.Embedding(points, TorchSharp.torch.tensor(new long[] { 0, 1, 0, 1 }), title: "four points");
            display(chart);
            """);

        var output = Assert.Single(values);
        Assert.Equal(["application/vnd.latentworkbench.figure+json", "image/svg+xml", "text/html"], output.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("{\"title\":\"four points\"}", output["application/vnd.latentworkbench.figure+json"]);
        Assert.Contains("plotly.newPlot(div, figure.data, figure.layout", output["text/html"], StringComparison.Ordinal);
        Assert.Contains("window.Plotly", output["text/html"], StringComparison.Ordinal);
        var svg = XDocument.Parse(output["image/svg+xml"]).Root!;
        Assert.Equal("svg", svg.Name.LocalName);
        Assert.Contains(svg.Descendants(), e => e.Name.LocalName == "text" && e.Value == "four points");
    }

    [Fact]
    public async Task Display_Of_A_Users_Own_Plotly_Chart_Also_Yields_Html_And_Svg()
    {
        var values = await DisplayedIn("""
            LatentWorkbench.Figures.Display.ChartFormatters.Register();
            var chart = Plotly.NET.CSharp.Chart.Column<double, string, string>(new double[] { 3, 5 }, new string[] { "a", "b" });
            display(chart);
            """);

        var output = Assert.Single(values);
        Assert.True(output.ContainsKey("text/html") && output.ContainsKey("image/svg+xml"), $"got {string.Join(", ", output.Keys)}");
        var bars = XDocument.Parse(output["image/svg+xml"]).Descendants().Single(e => e.Name.LocalName == "g" && e.Attribute("class")?.Value == "bars");
        Assert.Equal(2, bars.Elements().Count(e => e.Name.LocalName == "rect"));
    }

    [Fact]
    public async Task A_Trailing_Chart_Expression_Is_Displayed_With_Both_Mime_Types()
    {
        var values = await DisplayedIn("""Charts.Line(new double[] { 1, 4, 9 }, "squares", title: "trailing")""");

        var output = Assert.Single(values);
        Assert.True(output.ContainsKey("text/html") && output.ContainsKey("image/svg+xml"), $"got {string.Join(", ", output.Keys)}");
    }

    // Runs the code in a fresh kernel that has referenced this library (as a notebook's #r does) and returns each display's mime bundle.
    private static async Task<List<Dictionary<string, string>>> DisplayedIn(string code)
    {
        using var kernel = new InProcessKernel();
        string library = typeof(Charts).Assembly.Location;
        string plotly = typeof(Plotly.NET.GenericChart).Assembly.Location;
        string plotlyCSharp = typeof(Plotly.NET.CSharp.Chart).Assembly.Location;
        var setup = await kernel.SubmitAsync($"#r \"{library}\"\n#r \"{plotly}\"\n#r \"{plotlyCSharp}\"\nusing LatentWorkbench.Figures;");
        Assert.Null(setup.Failure);

        var result = await kernel.SubmitAsync(code);
        Assert.True(result.Failure is null, result.Failure);
        return result.Displays;
    }
}
