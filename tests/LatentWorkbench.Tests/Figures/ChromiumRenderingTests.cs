using System.Text.RegularExpressions;
using LatentWorkbench.Figures;
using LatentWorkbench.Figures.Chromium;
using LatentWorkbench.Tests.TestUtilities;
using Plotly.NET;

namespace LatentWorkbench.Tests.Figures;

/// <summary>
/// Opens exported figures in headless Chromium with no network (every host name fails to resolve). Chromium is
/// required (CI installs it in .ci/run): when it is missing these tests fail and say how to install it, they never skip.
/// </summary>
public sealed partial class ChromiumRenderingTests
{
    private const int ScatterPoints = 300;

    public static TheoryData<string> Charts => [.. SampleFigures.All.Where(s => s.Build() is GenericChart).Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(Charts))]
    public void Every_Exported_Chart_Page_Draws_Offline(string name)
    {
        RequireChromium();
        using var folder = new TempDirectory();
        var chart = (GenericChart)SampleFigures.All.Single(s => s.Name == name).Build();
        string page = chart.SaveAs(folder.File(name + ".html"));

        string dom = HeadlessChromium.DumpDom(page);

        Assert.True(dom.Contains("class=\"main-svg\"", StringComparison.Ordinal),
            $"{name}: plotly.js drew no main-svg offline; the page's DOM starts: {dom[..Math.Min(dom.Length, 600)]}");
        Assert.DoesNotContain(">plotly.js could not be loaded", dom, StringComparison.Ordinal);
    }

    [Fact]
    public void Pages_In_One_Folder_Share_One_Plotly_Js_Beside_Them()
    {
        using var folder = new TempDirectory();
        string a = SampleFigures.Histogram().SaveAs(folder.File("a.html"));
        string b = SampleFigures.GroupedBars().SaveAs(folder.File("b.html"));

        Assert.Equal(["a.html", "b.html", "plotly.min.js"], Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All(new[] { a, b }, page =>
        {
            string html = File.ReadAllText(page);
            Assert.Contains("<script src=\"plotly.min.js\"></script>", html, StringComparison.Ordinal);
            Assert.True(html.Length < 100_000, $"{page} is {html.Length} characters: plotly.js must not be embedded");
        });
    }

    [Fact]
    public void Exported_Scatter_Draws_Every_Point_Offline()
    {
        RequireChromium();
        using var folder = new TempDirectory();
        string page = SampleFigures.LabelledScatter(ScatterPoints).SaveAs(folder.File("scatter.html"));

        string dom = HeadlessChromium.DumpDom(page);

        Assert.Contains("class=\"scatterlayer", dom, StringComparison.Ordinal);
        int points = PointPaths().Count(dom);
        Assert.True(points >= ScatterPoints, $"the plot's SVG layer holds {points} point paths; expected at least {ScatterPoints}");
    }

    [Fact]
    public void Chart_Png_Is_Plotly_Rendering_At_Twice_The_Layout_Size_With_Both_Bar_Series()
    {
        RequireChromium();
        using var folder = new TempDirectory();
        var chart = SampleFigures.GroupedBars();

        var image = IndependentPngDecoder.Decode(File.ReadAllBytes(chart.SaveAs(folder.File("bars.png"))));

        // SaveAs uses a device scale of 2: twice the layout's 620 × 440.
        Assert.Equal((1240, 880), (image.Width, image.Height));
        Assert.True(CountNear(image, Palette.Default[0]) > 2000, "the first bar series is missing");
        Assert.True(CountNear(image, Palette.Default[1]) > 2000, "the second bar series is missing");
    }

    [Fact]
    public void Chart_Png_Without_Chromium_Says_How_To_Install_It_And_Suggests_Svg()
    {
        string? previous = Environment.GetEnvironmentVariable(HeadlessChromium.ExecutableVariable);
        try
        {
            Environment.SetEnvironmentVariable(HeadlessChromium.ExecutableVariable, "/nonexistent/chromium");
            var e = Assert.Throws<ChromiumNotFoundException>(() => SampleFigures.Histogram().ToPng());
            Assert.Contains("apt-get install chromium", e.Message, StringComparison.Ordinal);
            Assert.Contains(".svg", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(HeadlessChromium.ExecutableVariable, previous);
        }
    }

    internal static void RequireChromium() =>
        Assert.True(HeadlessChromium.FindExecutable() is not null,
            "Headless Chromium is required by these tests and was not found. Install it (Debian: apt-get install chromium; .ci/run does this) or set LATENTWORKBENCH_CHROMIUM.");

    private static int CountNear(IndependentPngDecoder.Image image, Rgb color)
    {
        int count = 0;
        for (int y = 0; y < image.Height; y++)
        {
            for (int x = 0; x < image.Width; x++)
            {
                var p = image.Pixel(x, y);
                if (Math.Abs(p[0] - color.R) + Math.Abs(p[1] - color.G) + Math.Abs(p[2] - color.B) < 60)
                {
                    count++;
                }
            }
        }

        return count;
    }

    [GeneratedRegex("<path[^>]*class=\"point[ \"]")]
    private static partial Regex PointPaths();
}
