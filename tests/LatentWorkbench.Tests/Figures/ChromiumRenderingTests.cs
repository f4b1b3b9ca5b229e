using System.Text.RegularExpressions;
using LatentWorkbench.Figures;
using LatentWorkbench.Figures.Chromium;
using LatentWorkbench.Figures.Plotly;
using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Figures;

/// <summary>
/// Opens exported figures in headless Chromium. Chromium is required (CI installs it in .ci/run): when it
/// is missing these tests fail and say how to install it, they never skip.
/// </summary>
public sealed partial class ChromiumRenderingTests
{
    private const int ScatterPoints = 300;

    [Fact]
    public void Exported_Interactive_Scatter_Draws_Its_Points_In_Chromium()
    {
        RequireChromium();
        using var folder = new TempDirectory();
        string path = SampleFigures.LabelledScatter(ScatterPoints).SaveAs(folder.File("scatter.html"));
        string html = File.ReadAllText(path);
        var local = PlotlyJs.TryGetLocal();
        Assert.True(local.Script is not null, $"plotly.js should be embedded for offline use, but: {local.Failure}");
        Assert.Contains($"plotly.js v{PlotlyJs.Version}", html, StringComparison.Ordinal);

        string dom = HeadlessChromium.DumpDom(path);

        Assert.Contains("class=\"main-svg\"", dom, StringComparison.Ordinal);
        Assert.Contains("class=\"scatterlayer", dom, StringComparison.Ordinal);
        int points = PointPaths().Count(dom);
        Assert.True(points >= ScatterPoints, $"the plot's SVG layer holds {points} point paths; expected at least {ScatterPoints}");
    }

    [Fact]
    public void Exported_Interactive_Scatter_Screenshots_To_A_Non_Empty_Png()
    {
        RequireChromium();
        using var folder = new TempDirectory();
        var figure = SampleFigures.LabelledScatter(ScatterPoints);
        string page = figure.SaveAs(folder.File("scatter.html"));
        string png = folder.File("scatter.png");

        HeadlessChromium.Screenshot(page, png, 720, 440, deviceScale: 1, scriptMilliseconds: 10_000);

        var image = IndependentPngDecoder.Decode(File.ReadAllBytes(png));
        Assert.Equal((720, 440), (image.Width, image.Height));
        Assert.True(CountNear(image, Palette.Default[0]) > 50, "no blue class-0 markers were drawn");
        Assert.True(CountNear(image, Palette.Default[1]) > 50, "no orange class-1 markers were drawn");
    }

    [Fact]
    public void Chart_SaveAs_Png_Rasterizes_The_Static_Rendering()
    {
        RequireChromium();
        using var folder = new TempDirectory();
        var figure = SampleFigures.GroupedBars();

        var image = IndependentPngDecoder.Decode(File.ReadAllBytes(figure.SaveAs(folder.File("bars.png"))));

        // SaveAs uses a device scale of 2: twice the SVG's size.
        var svg = System.Xml.Linq.XDocument.Parse(figure.ToSvg()).Root!;
        int width = int.Parse(svg.Attribute("width")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        int height = int.Parse(svg.Attribute("height")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((2 * width, 2 * height), (image.Width, image.Height));
        Assert.True(CountNear(image, Palette.Default[0]) > 2000, "the first bar series is missing");
        Assert.True(CountNear(image, Palette.Default[1]) > 2000, "the second bar series is missing");
    }

    private static void RequireChromium() =>
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

    [GeneratedRegex("<path[^>]*class=\"point\"")]
    private static partial Regex PointPaths();
}
