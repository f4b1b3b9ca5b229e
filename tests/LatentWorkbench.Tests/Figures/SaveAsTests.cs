using System.Text.Json;
using LatentWorkbench.Figures;
using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Figures;

public sealed class SaveAsTests
{
    [Fact]
    public void Unknown_Extension_Names_It_And_The_Allowed_Ones()
    {
        using var folder = new TempDirectory();
        var e = Assert.Throws<ArgumentException>(() => SampleFigures.Histogram().SaveAs(folder.File("plot.bmp")));
        Assert.Equal("path", e.ParamName);
        Assert.Contains("'.bmp'", e.Message, StringComparison.Ordinal);
        Assert.Contains(".html, .svg, .png, .json", e.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder.Path));
    }

    [Fact]
    public void Svg_And_Json_Files_Hold_The_Renderings_And_No_Temp_File_Remains()
    {
        using var folder = new TempDirectory();
        var figure = SampleFigures.LogLines();
        string svg = figure.SaveAs(folder.File("sub/loss.svg"));
        string json = figure.SaveAs(folder.File("sub/loss.json"));

        Assert.Equal(figure.ToSvg(), File.ReadAllText(svg));
        using var spec = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal(2, spec.RootElement.GetProperty("data").GetArrayLength());
        Assert.Equal(["loss.json", "loss.svg"], Directory.EnumerateFiles(folder.File("sub")).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Saving_Over_An_Existing_File_Replaces_It()
    {
        using var folder = new TempDirectory();
        string path = folder.File("grid.png");
        File.WriteAllText(path, "old");
        var grid = SampleFigures.Digits();
        grid.SaveAs(path);
        Assert.Equal(grid.ToPng(), File.ReadAllBytes(path));
    }

    [Fact]
    public void Image_Grid_Html_Works_Without_Scripts()
    {
        using var folder = new TempDirectory();
        string html = File.ReadAllText(SampleFigures.Digits().SaveAs(folder.File("digits.html")));
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
    }
}
