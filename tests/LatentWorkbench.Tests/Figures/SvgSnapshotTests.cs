using System.Globalization;
using System.Xml.Linq;
using LatentWorkbench.Data;
using LatentWorkbench.Figures;
using Plotly.NET;

namespace LatentWorkbench.Tests.Figures;

/// <summary>
/// Pins the SVG of each figure type byte for byte. Golden files live in Figures/Snapshots and are written
/// only by running these tests with LATENTWORKBENCH_UPDATE_SNAPSHOTS=1 (then review the diff); never edit them by hand.
/// </summary>
public sealed class SvgSnapshotTests
{
    private const string UpdateVariable = "LATENTWORKBENCH_UPDATE_SNAPSHOTS";

    public static TheoryData<string> Names => [.. SampleFigures.All.Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Svg_Matches_Snapshot(string name)
    {
        string svg = RenderSvg(name);
        string path = Path.Combine(SnapshotFolder(), name + ".svg");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(path, svg);
        }

        Assert.True(File.Exists(path), $"No snapshot at {path}; run the tests once with {UpdateVariable}=1 to create it, then review it.");
        string expected = File.ReadAllText(path);
        Assert.True(expected == svg, $"The SVG of '{name}' differs from {path}. If the change is intended, rerun with {UpdateVariable}=1 and review the diff. First difference at character {FirstDifference(expected, svg)}.");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Svg_Parses_As_Xml_With_Size_And_Content(string name)
    {
        var document = XDocument.Parse(RenderSvg(name));
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", document.Root!.Name);
        Assert.True(double.Parse(document.Root.Attribute("width")!.Value, CultureInfo.InvariantCulture) >= 80);
        Assert.True(double.Parse(document.Root.Attribute("height")!.Value, CultureInfo.InvariantCulture) >= 80);
        int marks = document.Descendants().Count(e => e.Name.LocalName is "circle" or "path" or "rect" or "image") - 1;
        Assert.True(marks > 0, $"'{name}' drew nothing but its background.");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Svg_Bytes_Do_Not_Depend_On_The_Current_Culture(string name)
    {
        string invariant = RenderSvg(name);
        var previous = CultureInfo.CurrentCulture;
        var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        comma.NumberFormat.NumberDecimalSeparator = ",";
        comma.NumberFormat.NegativeSign = "\u2212";
        try
        {
            CultureInfo.CurrentCulture = comma;
            Assert.Equal(invariant, RenderSvg(name));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Labelled_Scatter_Draws_Every_Point_In_Its_Class_Colour()
    {
        var document = XDocument.Parse(SampleFigures.LabelledScatter(120).ToSvg());
        var groups = document.Descendants().Where(e => e.Name.LocalName == "g" && e.Attribute("fill") is not null && e.Elements().Any(c => c.Name.LocalName == "circle")).ToList();
        Assert.Equal(120, groups.Sum(g => g.Elements().Count()));
        Assert.Equal(Palette.Default.Select(c => c.ToHex()), groups.Select(g => g.Attribute("fill")!.Value));
    }

    internal static string RenderSvg(string name) => SampleFigures.All.Single(s => s.Name == name).Build() switch
    {
        GenericChart chart => chart.ToSvg(),
        var other => throw new InvalidOperationException($"{other} is not a figure"),
    };

    private static string SnapshotFolder()
    {
        string root = DataPaths.FindRepositoryRoot(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("Tests must run inside the repository checkout to find the snapshots.");
        return Path.Combine(root, "tests", "LatentWorkbench.Tests", "Figures", "Snapshots");
    }

    private static int FirstDifference(string a, string b)
    {
        int n = Math.Min(a.Length, b.Length);
        for (int i = 0; i < n; i++)
        {
            if (a[i] != b[i])
            {
                return i;
            }
        }

        return n;
    }
}
