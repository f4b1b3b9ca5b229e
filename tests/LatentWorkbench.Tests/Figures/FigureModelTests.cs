using System.Text.Json;
using System.Xml.Linq;
using LatentWorkbench.Figures;

namespace LatentWorkbench.Tests.Figures;

public sealed class FigureModelTests
{
    [Fact]
    public void Appending_An_Epoch_Changes_The_Next_Rendering()
    {
        var curve = Figure.Lines(["train"], "Loss");
        curve.Append("train", 1, 0.9);
        string before = curve.ToSvg();
        curve.Append("train", 2, 0.5).Append("val", 2, 0.7);

        Assert.NotEqual(before, curve.ToSvg());
        using var spec = JsonDocument.Parse(curve.ToPlotlyJson());
        var data = spec.RootElement.GetProperty("data");
        Assert.Equal([0.9, 0.5], data[0].GetProperty("y").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal("val", data[1].GetProperty("name").GetString());
    }

    [Fact]
    public void Documented_One_Liners_Build_The_Described_Figures()
    {
        float[] xs = [0, 1, 2], ys = [2, 1, 0];
        byte[] labels = [3, 3, 7];
        List<double> trainLoss = [1, 0.5, 0.25], testLoss = [1.1, 0.6, 0.4];

        Assert.Equal(["3", "7"], Figure.Scatter(xs, ys, labels, title: "t-SNE").Main.Traces.Select(t => t.Name));
        Assert.NotNull(((ScatterTrace)Figure.Scatter(xs, ys, colorValues: [1f, 2f, 3f], colorTitle: "error").Main.Traces[0]).ColorValues);
        var loss = Figure.Line(trainLoss, "train", title: "Loss", xTitle: "epoch", logY: true).AddLine(testLoss, "test");
        Assert.True(loss.Main.Y.Log);
        Assert.Equal(2, loss.Main.Traces.Count);
        var bars = Figure.Bar(["PCA", "t-SNE"], [0.52, 0.95], title: "kNN accuracy").AddBars(["PCA", "t-SNE"], [0.49, 0.94], "k = 15");
        Assert.Equal(2, bars.Main.Traces.Count);
        var grid = ImageGrid.FromPixels(SampleFigures.DigitPixels(), count: 6, columns: 3, captions: [.. labels.Concat(labels).Select(l => $"{l}")]);
        var overview = Figure.Subplots([loss, grid, bars], columns: 3, title: "Overview");
        Assert.Equal([PanelKind.Numeric, PanelKind.Images, PanelKind.Categorical], overview.Panels.Select(p => p.Kind));
    }

    [Fact]
    public void Embedding_Splits_Rows_Into_X_And_Y()
    {
        var figure = Figure.Embedding([1, 2, 3, 4, 5, 6], [0, 1, 0]);
        var classZero = (ScatterTrace)figure.Main.Traces[0];
        Assert.Equal([1f, 5f], classZero.X);
        Assert.Equal([2f, 6f], classZero.Y);
    }

    [Fact]
    public void Builders_Name_The_Mismatched_Parameter()
    {
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => Figure.Scatter([1f, 2f], [1f, 2f], new byte[] { 1 })).ParamName);
        Assert.Equal("xy", Assert.Throws<ArgumentException>(() => Figure.Embedding([1f, 2f, 3f])).ParamName);
        Assert.Equal("colorValues", Assert.Throws<ArgumentException>(() => Figure.Scatter([1f], [1f], colorValues: [1f, 2f])).ParamName);
        Assert.Equal("rowLabels", Assert.Throws<ArgumentException>(() => Figure.Heatmap(new double[2, 3], rowLabels: ["a"])).ParamName);
        Assert.Equal("pixels", Assert.Throws<ArgumentException>(() => ImageGrid.FromPixels(new float[783], 1, 1)).ParamName);
        Assert.Equal("captions", Assert.Throws<ArgumentException>(() => ImageGrid.FromPixels(new float[784 * 2], 2, 2, captions: ["x"])).ParamName);
    }

    [Fact]
    public void Histogram_Counts_Every_Finite_Value_Once_With_The_Maximum_In_The_Last_Bin()
    {
        var trace = new HistogramTrace([0, 0.1, 0.5, 0.99, 1, double.NaN], bins: 2);
        Assert.Equal([0, 0.5, 1], trace.Edges);
        Assert.Equal([2, 3], trace.Counts);
        Assert.Equal(5, trace.Total);
    }

    [Fact]
    public void Log_Axis_Leaves_Out_Non_Positive_Values_Instead_Of_Failing()
    {
        var figure = Figure.Line([1, 0, 10, 100], logY: true);
        var path = XDocument.Parse(figure.ToSvg()).Descendants().Single(e => e.Name.LocalName == "path");
        // The zero breaks the line: a move-to starts each of the two pieces.
        Assert.Equal(2, path.Attribute("d")!.Value.Count(c => c == 'M'));
    }

    [Theory]
    [InlineData(0, 10, 5, 2)]
    [InlineData(0, 1, 5, 0.2)]
    [InlineData(-3, 7, 4, 2)]
    [InlineData(0, 0.03, 6, 0.005)]
    public void Nice_Step_Is_One_Two_Or_Five_Times_A_Power_Of_Ten(double min, double max, int count, double expected) =>
        Assert.Equal(expected, Ticks.NiceStep(max - min, count), 12);

    [Fact]
    public void Tick_Labels_Use_The_Step_Precision_And_Never_Negative_Zero()
    {
        Assert.Equal("0.25", Format.Tick(0.25, 0.05));
        Assert.Equal("0.0", Format.Tick(-1e-17, 0.5));
        Assert.Equal("1.0", Format.Tick(1, 0.1));
        Assert.Equal("1e+6", Format.Short(1e6));
    }
}
