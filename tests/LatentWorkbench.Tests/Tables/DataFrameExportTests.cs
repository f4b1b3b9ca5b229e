using System.Globalization;
using LatentWorkbench.Tables;
using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Tables;

public sealed class DataFrameExportTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Csv_Keeps_Every_Double_Exactly_And_Quotes_Fields_That_Need_It()
    {
        double third = 1.0 / 3, tiny = 1.234567890123e-300;
        var frame = DataFrames.FromRows(["name", "value"], [["a, b", third], ["say \"hi\"", tiny], [null, null]]);

        string csv = frame.ToCsv();

        Assert.Equal("name,value\n\"a, b\",0.3333333333333333\n\"say \"\"hi\"\"\",1.234567890123E-300\n,\n", csv);
        Assert.Equal(third, double.Parse(csv.Split('\n')[1].Split(',')[^1], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Markdown_Right_Aligns_Numbers_And_Escapes_Pipes()
    {
        var frame = DataFrames.FromRows(["method", "acc"], [["a|b", 0.123456]], title: "Runs");

        Assert.Equal("**Runs**\n\n| method | acc |\n| --- | ---: |\n| a\\|b | 0.1235 |\n", frame.ToMarkdown());
    }

    [Fact]
    public void Written_Files_Hold_Exactly_The_Export_And_Leave_No_Temp_File()
    {
        var frame = DataFrames.FromRows(["k", "error"], [[2, 0.5], [10, 0.25]]);

        string csv = frame.WriteCsv(_temp.File("out/table.csv"));
        string markdown = frame.WriteMarkdown(_temp.File("out/table.md"));

        Assert.Equal(frame.ToCsv(), File.ReadAllText(csv));
        Assert.Equal(frame.ToMarkdown(), File.ReadAllText(markdown));
        Assert.Equal(["table.csv", "table.md"], Directory.GetFiles(_temp.File("out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
