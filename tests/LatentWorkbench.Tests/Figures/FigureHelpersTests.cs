using System.Text.Json;
using System.Xml.Linq;
using LatentWorkbench.Compute;
using LatentWorkbench.Figures;
using Plotly.NET;
using TorchSharp;

namespace LatentWorkbench.Tests.Figures;

/// <summary>The chart helpers build the Plotly figures they promise, and the static SVG reads them back.</summary>
public sealed class FigureHelpersTests
{
    public FigureHelpersTests() => TorchRuntime.EnsureInitialized();

    [Fact]
    public void Embedding_Has_One_Trace_Per_Class_In_Its_Palette_Colour_With_Label_And_Index_On_Hover()
    {
        using var xy = torch.tensor(new float[] { 0, 0, 1, 1, 2, 2, 3, 3, 4, 4 }, [5, 2]);
        using var labels = torch.tensor(new long[] { 3, 1, 3, 1, 7 });

        var data = Data(Charts.Embedding(xy, labels, "e"));

        Assert.Equal(["1", "3", "7"], data.Select(t => t.GetProperty("name").GetString()));
        Assert.All(data, t => Assert.Equal("markers", t.GetProperty("mode").GetString()));
        Assert.Equal([Palette.ColorFor(1).ToHex(), Palette.ColorFor(3).ToHex(), Palette.ColorFor(7).ToHex()],
            data.Select(t => t.GetProperty("marker").GetProperty("color").GetString()));
        Assert.Equal([0, 2], data[1].GetProperty("customdata").EnumerateArray().Select(v => v.GetInt32()));
        Assert.Equal([0f, 2f], data[1].GetProperty("y").EnumerateArray().Select(v => v.GetSingle()));
        string hover = data[1].GetProperty("hovertemplate").GetString()!;
        Assert.StartsWith("3 · index %{customdata}", hover, StringComparison.Ordinal);
        Assert.True(Layout(Charts.Embedding(xy, labels)).GetProperty("showlegend").GetBoolean());
    }

    [Fact]
    public void A_Scatter_Above_The_WebGl_Threshold_Uses_Scattergl()
    {
        int n = Charts.WebGlThreshold + 1;
        using var points = torch.zeros(n, 2);
        using var labels = torch.zeros(n, dtype: torch.int64);
        var data = Data(Charts.Scatter(points, labels));
        Assert.Equal("scattergl", Assert.Single(data).GetProperty("type").GetString());
    }

    [Fact]
    public void Same_Input_Gives_The_Same_Json_And_Svg_Bytes()
    {
        Assert.Equal(SampleFigures.LabelledScatter(200).ToFigureJson(), SampleFigures.LabelledScatter(200).ToFigureJson());
        Assert.Equal(SampleFigures.Subplots().ToSvg(), SampleFigures.Subplots().ToSvg());
    }

    [Fact]
    public void Bad_Input_Names_The_Parameter_And_What_Was_Expected()
    {
        using var points = torch.zeros(3, 2);
        using var twoLabels = torch.zeros(2, dtype: torch.int64);
        var e = Assert.Throws<ArgumentException>(() => Charts.Scatter(points, twoLabels));
        Assert.Equal("labels", e.ParamName);
        Assert.Contains("labels must be an integer tensor [3] (one class per example); got Int64 [2]", e.Message, StringComparison.Ordinal);
        using var floatLabels = torch.zeros(3);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => Charts.Scatter(points, floatLabels)).ParamName);
        using var threeColumns = torch.zeros(3, 3);
        var shape = Assert.Throws<ArgumentException>(() => Charts.Embedding(threeColumns));
        Assert.Equal("points", shape.ParamName);
        Assert.Contains("points must be [N, 2] (one row per point); got [3, 3]", shape.Message, StringComparison.Ordinal);
        using var twoValues = torch.zeros(2);
        Assert.Equal("colorValues", Assert.Throws<ArgumentException>(() => Charts.Scatter(points, colorValues: twoValues)).ParamName);
        Assert.Equal("x", Assert.Throws<ArgumentException>(() => Charts.Line([1, 2], x: [1])).ParamName);
        Assert.Equal("rowLabels", Assert.Throws<ArgumentException>(() => Charts.Heatmap(new double[2, 2], rowLabels: ["a"])).ParamName);
        Assert.Equal("parts", Assert.Throws<ArgumentException>(() => Charts.Subplots([])).ParamName);
    }

    [Fact]
    public void Points_On_A_Strided_View_Or_In_Float64_Draw_As_Their_Values()
    {
        using var columns = torch.tensor(new double[] { 0, 1, 2, 10, 11, 12 }, [2, 3]);
        using var points = columns.t();                       // [3, 2], float64 and not contiguous: copied once
        using var labels = torch.tensor(new byte[] { 1, 1, 2 });
        using var values = torch.tensor(new double[] { 0.5, 1.5, 2.5 });

        var byClass = Data(Charts.Scatter(points, labels));
        var byValue = Assert.Single(Data(Charts.Scatter(points, colorValues: values)));

        Assert.False(points.is_contiguous());
        Assert.Equal([0f, 1f], byClass[0].GetProperty("x").EnumerateArray().Select(v => v.GetSingle()));
        Assert.Equal([10f, 11f], byClass[0].GetProperty("y").EnumerateArray().Select(v => v.GetSingle()));
        Assert.Equal([0.5f, 1.5f, 2.5f], byValue.GetProperty("marker").GetProperty("color").EnumerateArray().Select(v => v.GetSingle()));
    }

    [Fact]
    public void A_Histogram_Of_A_Tensor_Counts_Its_Values()
    {
        using var values = torch.tensor(new float[] { 0f, 0.1f, 0.2f, 0.9f, 1f });
        var scene = LatentWorkbench.Figures.Svg.PlotlyFigureReader.Read(Charts.Histogram(values, bins: 2).ToFigureJson());
        Assert.Equal([3.0, 2.0], Assert.IsType<HistogramTrace>(Assert.Single(Assert.Single(scene.Panels).Traces)).Counts);
        using var matrix = torch.zeros(2, 2);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => Charts.Histogram(matrix)).ParamName);
    }

    [Fact]
    public void AddLine_Appends_A_Series_In_The_Next_Colour_Without_Changing_The_Original()
    {
        var one = Charts.Line([1, 2, 3], "a");
        var two = one.AddLine([3, 2, 1], "b");

        Assert.Single(Data(one));
        Assert.Equal(["a", "b"], Data(two).Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(Palette.ColorFor(1).ToHex(), Data(two)[1].GetProperty("line").GetProperty("color").GetString());
    }

    [Fact]
    public void Histogram_Gives_Plotly_Explicit_Bins_And_The_Svg_Draws_Exactly_Those_Counts()
    {
        var chart = Charts.Histogram([0.0, 0.1, 0.2, 0.9, 1.0], bins: 2);
        var bins = Assert.Single(Data(chart)).GetProperty("xbins");
        Assert.Equal((0.0, 1.0, 0.5), (bins.GetProperty("start").GetDouble(), bins.GetProperty("end").GetDouble(), bins.GetProperty("size").GetDouble()));

        var scene = LatentWorkbench.Figures.Svg.PlotlyFigureReader.Read(chart.ToFigureJson());
        var histogram = Assert.IsType<HistogramTrace>(Assert.Single(Assert.Single(scene.Panels).Traces));
        Assert.Equal([3.0, 2.0], histogram.Counts);
    }

    [Fact]
    public void Heatmap_Rows_Run_Top_Down_In_Both_Renderings()
    {
        var chart = Charts.Heatmap(new double[,] { { 1, 2 }, { 3, 4 } }, ["a", "b"], ["top", "bottom"]);
        Assert.Equal("reversed", Layout(chart).GetProperty("yaxis").GetProperty("autorange").GetString());

        var heatmap = (HeatmapTrace)LatentWorkbench.Figures.Svg.PlotlyFigureReader.Read(chart.ToFigureJson()).Panels[0].Traces[0];
        Assert.Equal(["top", "bottom"], heatmap.RowLabels);
        Assert.Equal(1, heatmap.Z[0, 0]);

        // A user's heatmap without a reversed axis has row 0 at the bottom, as plotly.js draws it.
        string plain = """{"data":[{"type":"heatmap","z":[[1,2],[3,4]],"y":["first","second"]}],"layout":{}}""";
        var flipped = (HeatmapTrace)LatentWorkbench.Figures.Svg.PlotlyFigureReader.Read(plain).Panels[0].Traces[0];
        Assert.Equal(["second", "first"], flipped.RowLabels);
        Assert.Equal(3, flipped.Z[0, 0]);
    }

    [Fact]
    public void A_Heatmap_Of_A_Tensor_Draws_A_Matrix_Or_A_Flat_Square_Image_Row_By_Row()
    {
        using var matrix = torch.tensor(new float[] { 1, 2, 3, 4, 5, 6 }, [2, 3]);
        using var flat = torch.arange(4, dtype: torch.float32);

        var fromMatrix = (HeatmapTrace)LatentWorkbench.Figures.Svg.PlotlyFigureReader.Read(Charts.Heatmap(matrix).ToFigureJson()).Panels[0].Traces[0];
        var fromFlat = (HeatmapTrace)LatentWorkbench.Figures.Svg.PlotlyFigureReader.Read(Charts.Heatmap(flat).ToFigureJson()).Panels[0].Traces[0];

        Assert.Equal((2, 3, 6.0), (fromMatrix.Z.GetLength(0), fromMatrix.Z.GetLength(1), fromMatrix.Z[1, 2]));
        Assert.Equal((2, 2, 2.0), (fromFlat.Z.GetLength(0), fromFlat.Z.GetLength(1), fromFlat.Z[1, 0]));
        using var notSquare = torch.zeros(3);
        Assert.Equal("z", Assert.Throws<ArgumentException>(() => Charts.Heatmap(notSquare)).ParamName);
    }

    [Fact]
    public void Subplots_Keep_Each_Part_As_A_Panel_With_Its_Title_And_Axis_Titles()
    {
        var scene = LatentWorkbench.Figures.Svg.PlotlyFigureReader.Read(SampleFigures.Subplots().ToFigureJson());

        Assert.Equal("Overview", scene.Title);
        Assert.Equal(2, scene.Columns);
        Assert.Equal(["Ten clusters", "Gaussian sample", "Loss", "Confusion matrix"], scene.Panels.Select(p => p.Title));
        Assert.Equal(["z1", "value", "epoch", "predicted"], scene.Panels.Select(p => p.X.Title));
        Assert.True(scene.Panels[2].Y.Log);
    }

    [Fact]
    public void Unknown_Trace_Types_Are_Named_In_A_Note_Not_A_Crash()
    {
        var pie = Plotly.NET.CSharp.Chart.Pie<double, string, string>(new double[] { 1, 2 }, Labels: new[] { "a", "b" });
        var combined = Charts.Subplots([Charts.Line([1, 2]), pie], columns: 2);

        string svg = combined.ToSvg();

        var texts = XDocument.Parse(svg).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToList();
        Assert.Contains("Not drawn in this static rendering: 'pie' traces (open the interactive HTML to see them).", texts);
    }

    [Fact]
    public void Unnamed_Series_Stay_Out_Of_The_Legend_In_Both_Renderings()
    {
        using var points = torch.tensor(new float[] { 0, 0, 1, 1 }, [2, 2]);
        using var labels = torch.tensor(new long[] { 0, 1 });
        var chart = Charts.Subplots([Charts.Embedding(points, labels), Charts.Histogram([1.0, 2.0, 3.0])]);
        var histogram = Data(chart).Single(t => t.GetProperty("type").GetString() == "histogram");
        Assert.False(histogram.GetProperty("showlegend").GetBoolean());

        var scene = LatentWorkbench.Figures.Svg.PlotlyFigureReader.Read(chart.ToFigureJson());
        Assert.Equal(["0", "1"], scene.Panels.SelectMany(p => p.Traces).Select(t => t.Name).OfType<string>());
    }

    [Fact]
    public void Svg_Reader_Rejects_Text_That_Is_Not_A_Plotly_Figure_Clearly()
    {
        var e = Assert.Throws<ArgumentException>(() => LatentWorkbench.Figures.Svg.PlotlyFigureReader.Read("""{"layout":{}}"""));
        Assert.Contains("'data' array", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plotly_Colour_Strings_Are_Read_As_Written()
    {
        static Rgb? Parse(string css) => LatentWorkbench.Figures.Svg.PlotlyFigureReader.Color(JsonDocument.Parse($"\"{css}\"").RootElement);
        Assert.Equal(new Rgb(0x12, 0x34, 0x56), Parse("#123456"));
        Assert.Equal(new Rgb(0xff, 0x00, 0xcc), Parse("#f0c"));
        Assert.Equal(new Rgb(99, 110, 250), Parse("rgba(99, 110, 250, 1.0)"));
        Assert.Equal(new Rgb(1, 2, 3), Parse("rgb(1,2,3)"));
        Assert.Null(Parse("rebeccapurple"));
    }

    private static List<JsonElement> Data(GenericChart chart) =>
        [.. JsonDocument.Parse(chart.ToFigureJson()).RootElement.GetProperty("data").EnumerateArray()];

    private static JsonElement Layout(GenericChart chart) => JsonDocument.Parse(chart.ToFigureJson()).RootElement.GetProperty("layout");
}
