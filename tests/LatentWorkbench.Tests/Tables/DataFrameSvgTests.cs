using System.Globalization;
using System.Xml.Linq;
using LatentWorkbench.Tables;

namespace LatentWorkbench.Tests.Tables;

public sealed class DataFrameSvgTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static Microsoft.Data.Analysis.DataFrame Reducers() => DataFrames.FromRows(
        ["method", "trustworthiness", "kNN accuracy", "seconds"],
        [["PCA", 0.912345, 0.5234, 2], ["t-SNE <Barnes-Hut>", 0.9923, 0.9512, 31], ["none", null, 0.1, 0]],
        title: "Reducers on 1,000 test digits");

    [Fact]
    public void Svg_Draws_The_Title_Headers_And_Every_Cell_With_Numbers_Right_Aligned()
    {
        var document = XDocument.Parse(Reducers().ToSvg());
        var texts = document.Descendants(Svg + "text").ToList();

        Assert.Equal("Reducers on 1,000 test digits", texts[0].Value);
        Assert.Equal("bold", texts[0].Attribute("font-weight")!.Value);
        Assert.Equal(["method", "trustworthiness", "kNN accuracy", "seconds"], texts.Skip(1).Take(4).Select(t => t.Value));
        var cells = texts.Skip(5).ToList();
        Assert.Equal(["PCA", "0.9123", "0.5234", "2", "t-SNE <Barnes-Hut>", "0.9923", "0.9512", "31", "none", "", "0.1", "0"], cells.Select(t => t.Value));
        Assert.All(cells.Where((_, i) => i % 4 == 0), t => Assert.Null(t.Attribute("text-anchor")));
        Assert.All(cells.Where((_, i) => i % 4 != 0), t => Assert.Equal("end", t.Attribute("text-anchor")!.Value));
    }

    [Fact]
    public void Svg_Has_Three_Booktabs_Rules_And_Is_Wide_Enough_For_The_Longest_Cells()
    {
        var root = XDocument.Parse(Reducers().ToSvg()).Root!;
        var rules = root.Elements(Svg + "line").Select(l => l.Attribute("stroke-width")!.Value).ToList();
        Assert.Equal(["1.5", "1", "1.5"], rules);

        double width = double.Parse(root.Attribute("width")!.Value, CultureInfo.InvariantCulture);
        int characters = "t-SNE <Barnes-Hut>".Length + "trustworthiness".Length + "kNN accuracy".Length + "seconds".Length;
        Assert.True(width >= characters * 6, $"width {width} cannot hold {characters} characters");
    }

    [Fact]
    public void Svg_Is_The_Same_Bytes_For_The_Same_Table()
    {
        Assert.Equal(Reducers().ToSvg(), Reducers().ToSvg());
    }
}
