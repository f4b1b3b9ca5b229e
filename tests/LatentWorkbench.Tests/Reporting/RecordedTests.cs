using System.Text.Json.Nodes;
using LatentWorkbench.Reporting;

namespace LatentWorkbench.Tests.Reporting;

public sealed class RecordedTests
{
    [Fact]
    public void Outside_A_Notebook_Recording_Returns_The_Value_Without_Throwing()
    {
        var recorded = Recorded.Value("pca30_test_error", 13.87);
        Assert.Equal("pca30_test_error", recorded.Name);
        Assert.Equal(13.87, recorded.Value);
    }

    [Fact]
    public void The_Readable_Form_Is_Name_Equals_Value_In_Invariant_Culture()
    {
        Assert.Equal("error = 0.0123", Recorded.Value("error", 0.0123).ToString());
        Assert.Equal("k = 30", Recorded.Value("k", 30).ToString());
        Assert.Equal("converged = true", Recorded.Value("converged", true).ToString());
        Assert.Equal("solver = exact", Recorded.Value("solver", "exact").ToString());
    }

    [Fact]
    public void The_Json_Form_Keeps_The_Type_Of_The_Value()
    {
        Assert.Equal(13.87, Parse(Recorded.Value("e", 13.87))["value"]!.GetValue<double>());
        Assert.Equal(30L, Parse(Recorded.Value("k", 30L))["value"]!.GetValue<long>());
        Assert.True(Parse(Recorded.Value("ok", true))["value"]!.GetValue<bool>());
        Assert.Equal("say \"hi\"", Parse(Recorded.Value("s", "say \"hi\""))["value"]!.GetValue<string>());
        Assert.Equal("e", Parse(Recorded.Value("e", 1.0))["name"]!.GetValue<string>());
    }

    [Fact]
    public void A_Non_Finite_Number_Is_Recorded_As_Its_Name()
    {
        Assert.Equal("NaN", Parse(Recorded.Value("loss", double.NaN))["value"]!.GetValue<string>());
        Assert.Equal("-Infinity", Parse(Recorded.Value("loss", double.NegativeInfinity))["value"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("ünïcode")]
    public void A_Bad_Name_Is_Rejected_Naming_It(string name)
    {
        var e = Assert.Throws<ArgumentException>(() => Recorded.Value(name, 1.0));
        Assert.Contains($"'{name}'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Mime_Type_Is_The_One_The_Runner_Collects()
    {
        Assert.Equal(LatentWorkbench.Notebooks.Formatting.MimeTypes.RecordedValue, RecordedValue.MimeType);
    }

    private static JsonObject Parse(RecordedValue value) => JsonNode.Parse(value.ToJson())!.AsObject();
}
