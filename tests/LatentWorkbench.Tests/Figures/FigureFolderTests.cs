using LatentWorkbench.Compute;
using LatentWorkbench.Figures;
using LatentWorkbench.Figures.Chromium;
using LatentWorkbench.Images;
using LatentWorkbench.Tables;
using LatentWorkbench.Tests.TestUtilities;
using TorchSharp;

namespace LatentWorkbench.Tests.Figures;

/// <summary>A notebook's own export: chosen figures to a folder of the user's, each as SVG, PNG at a scale and offline HTML.</summary>
public sealed class FigureFolderTests
{
    [Fact]
    public void Every_Kind_Is_Saved_In_Every_Format_Named_By_Id_Else_Title()
    {
        TorchRuntime.EnsureInitialized();
        ChromiumRenderingTests.RequireChromium();
        using var folder = new TempDirectory();
        var chart = Charts.Line([1.0, 4.0, 9.0], "squares", title: "Squares").WithId("squares-curve");
        var table = DataFrames.FromRows(["k", "error"], [[2, 0.5]], title: "Errors by k");
        using var values = torch.full([4, 784], 0.5f);
        using var grid = GridImage.FromImages(values, 2, rowLabels: ["top", "bottom"], title: "Grey digits");

        var saved = FigureFolder.Save(folder.Path, [chart, table, grid], FigureFormats.All, pngScale: 1);

        Assert.Empty(saved.Skipped);
        string[] stems = ["squares-curve", "errors-by-k", "grey-digits"];
        Assert.Equal(stems.SelectMany(s => new[] { s + ".svg", s + ".html", s + ".png" }), saved.Files.Select(Path.GetFileName));
        Assert.True(File.Exists(Path.Combine(folder.Path, "plotly.min.js")), "the chart page's plotly.js is not beside it");
        string gridSvg = File.ReadAllText(Path.Combine(folder.Path, "grey-digits.svg"));
        Assert.Contains(">Grey digits</text>", gridSvg, StringComparison.Ordinal);
        Assert.Contains(">bottom</text>", gridSvg, StringComparison.Ordinal);
        string dom = HeadlessChromium.DumpDom(Path.Combine(folder.Path, "squares-curve.html"));
        Assert.Contains("class=\"main-svg\"", dom, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Png_Scale_Sets_Its_Pixel_Size()
    {
        ChromiumRenderingTests.RequireChromium();
        using var folder = new TempDirectory();
        var table = DataFrames.FromRows(["k"], [[2]], title: "Tiny");
        var one = IndependentPngDecoder.Decode(File.ReadAllBytes(FigureFolder.Save(folder.File("1"), [table], FigureFormats.Png, 1).Files.Single()));
        var two = IndependentPngDecoder.Decode(File.ReadAllBytes(FigureFolder.Save(folder.File("2"), [table], FigureFormats.Png, 2).Files.Single()));

        Assert.Equal(one.Width * 2, two.Width);
        Assert.Equal(one.Height * 2, two.Height);
    }

    [Fact]
    public void Repeated_Ids_Get_Numbered_In_Order_And_A_Figure_Without_Id_Or_Title_Is_Refused()
    {
        using var folder = new TempDirectory();
        var saved = FigureFolder.Save(folder.Path, [Charts.Bar(["a"], [1.0], title: "Same"), Charts.Bar(["b"], [2.0], title: "Same")], FigureFormats.Svg);
        Assert.Equal(["same.svg", "same-2.svg"], saved.Files.Select(Path.GetFileName));

        var error = Assert.Throws<ArgumentException>(() => FigureFolder.Save(folder.Path, [Charts.Bar(["a"], [1.0])], FigureFormats.Svg));
        Assert.Contains("WithId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Under_Output_Is_The_Runs_Output_Folder_And_Never_Outside_It()
    {
        using var output = new TempDirectory();
        string? previous = Environment.GetEnvironmentVariable(FigureFolder.OutputVariable);
        try
        {
            Environment.SetEnvironmentVariable(FigureFolder.OutputVariable, output.Path);
            Assert.Equal(Path.Combine(output.Path, "report", "01"), FigureFolder.UnderOutput("report/01"));
            var saved = new SavedFigures(FigureFolder.UnderOutput("report/01"), [Path.Combine(output.Path, "report", "01", "a.svg")], []);
            Assert.Equal("Saved 1 files to report/01 in this run's output folder:\n  a.svg", saved.ToString());
            Assert.Throws<ArgumentException>(() => FigureFolder.UnderOutput("../elsewhere"));
            Assert.Throws<ArgumentException>(() => FigureFolder.UnderOutput("/tmp/elsewhere"));

            Environment.SetEnvironmentVariable(FigureFolder.OutputVariable, null);
            Assert.EndsWith(Path.Combine("artifacts", "report"), FigureFolder.UnderOutput("report"), StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(FigureFolder.OutputVariable, previous);
        }
    }
}
