using System.Text.Json;
using LatentWorkbench.Figures;

namespace LatentWorkbench.Tests.Figures;

public sealed class PlotlySpecTests
{
    [Fact]
    public void Labelled_Scatter_Has_One_Trace_Per_Class_With_Palette_Colours_And_Hover_Text()
    {
        using var spec = JsonDocument.Parse(SampleFigures.LabelledScatter(100).ToPlotlyJson());
        var data = spec.RootElement.GetProperty("data").EnumerateArray().ToList();

        Assert.Equal(10, data.Count);
        for (int k = 0; k < 10; k++)
        {
            Assert.Equal("scatter", data[k].GetProperty("type").GetString());
            Assert.Equal(k.ToString(System.Globalization.CultureInfo.InvariantCulture), data[k].GetProperty("name").GetString());
            Assert.Equal(Palette.Default[k].ToHex(), data[k].GetProperty("marker").GetProperty("color").GetString());
            Assert.Equal(10, data[k].GetProperty("x").GetArrayLength());
            Assert.Equal($"point {k}", data[k].GetProperty("text")[0].GetString());
        }

        Assert.True(spec.RootElement.GetProperty("layout").GetProperty("showlegend").GetBoolean());
        Assert.False(spec.RootElement.GetProperty("config").GetProperty("displaylogo").GetBoolean());
    }

    [Fact]
    public void Large_Scatter_Uses_WebGl_And_Small_Uses_Svg_Markers()
    {
        var random = new Random(5);
        float[] x = [.. Enumerable.Range(0, 25_000).Select(_ => random.NextSingle())];
        using var large = JsonDocument.Parse(Figure.Scatter(x, x).ToPlotlyJson());
        using var small = JsonDocument.Parse(Figure.Scatter(x[..100], x[..100]).ToPlotlyJson());
        Assert.Equal("scattergl", large.RootElement.GetProperty("data")[0].GetProperty("type").GetString());
        Assert.Equal("scatter", small.RootElement.GetProperty("data")[0].GetProperty("type").GetString());
    }

    [Fact]
    public void Log_Axis_Is_Declared_With_A_Range_In_Decades()
    {
        using var spec = JsonDocument.Parse(SampleFigures.LogLines().ToPlotlyJson());
        var yaxis = spec.RootElement.GetProperty("layout").GetProperty("yaxis");
        Assert.Equal("log", yaxis.GetProperty("type").GetString());
        double[] range = [.. yaxis.GetProperty("range").EnumerateArray().Select(v => v.GetDouble())];
        // Data spans 3·0.7^20 ≈ 2.4e-3 to 2.1: exponents about −2.6 to 0.3, padded by 5 %.
        Assert.InRange(range[0], -2.9, -2.5);
        Assert.InRange(range[1], 0.3, 0.6);
    }

    [Fact]
    public void Heatmap_Puts_Row_Zero_On_Top_And_Writes_Values()
    {
        using var spec = JsonDocument.Parse(SampleFigures.Heatmap().ToPlotlyJson());
        var trace = spec.RootElement.GetProperty("data")[0];
        Assert.Equal("heatmap", trace.GetProperty("type").GetString());
        Assert.Equal(90, trace.GetProperty("z")[0][0].GetDouble());
        Assert.Equal(["zero", "one", "two", "three"], trace.GetProperty("y").EnumerateArray().Select(e => e.GetString()));
        var range = spec.RootElement.GetProperty("layout").GetProperty("yaxis").GetProperty("range");
        Assert.True(range[0].GetDouble() > range[1].GetDouble(), "the y range must be reversed so row 0 is on top");
        Assert.True(trace.TryGetProperty("texttemplate", out _));
    }

    [Fact]
    public void Subplots_Get_Their_Own_Axes_With_Disjoint_Domains()
    {
        using var spec = JsonDocument.Parse(SampleFigures.Subplots().ToPlotlyJson());
        var layout = spec.RootElement.GetProperty("layout");
        var traces = spec.RootElement.GetProperty("data").EnumerateArray().ToList();
        Assert.Contains(traces, t => t.GetProperty("type").GetString() == "image" && t.GetProperty("xaxis").GetString() == "x2");
        Assert.Contains(traces, t => t.GetProperty("type").GetString() == "heatmap" && t.GetProperty("yaxis").GetString() == "y4");
        double firstRight = layout.GetProperty("xaxis").GetProperty("domain")[1].GetDouble();
        double secondLeft = layout.GetProperty("xaxis2").GetProperty("domain")[0].GetDouble();
        Assert.True(firstRight < secondLeft, $"panel 1 ends at {firstRight} but panel 2 starts at {secondLeft}");
    }

    [Fact]
    public void Missing_Values_Become_Null_And_Text_Is_Escaped_For_Script_Tags()
    {
        var figure = Figure.Line([1, double.NaN, 3], "a</script>b");
        string json = figure.ToPlotlyJson();
        Assert.DoesNotContain("</script>", json, StringComparison.OrdinalIgnoreCase);
        using var spec = JsonDocument.Parse(json);
        var trace = spec.RootElement.GetProperty("data")[0];
        Assert.Equal(JsonValueKind.Null, trace.GetProperty("y")[1].ValueKind);
        Assert.Equal("a</script>b", trace.GetProperty("name").GetString());
    }

    [Fact]
    public void Notebook_Html_Loads_Plotly_From_The_Cdn_And_Each_Output_Has_Its_Own_Element()
    {
        var figure = SampleFigures.GroupedBars();
        string first = figure.ToHtml(), second = figure.ToHtml();
        Assert.Contains(LatentWorkbench.Figures.Plotly.PlotlyJs.CdnUrl, first, StringComparison.Ordinal);
        Assert.Contains("Plotly.newPlot(id, spec.data, spec.layout, spec.config)", first, StringComparison.Ordinal);
        Assert.NotEqual(first[..40], second[..40]);
    }
}
