using System.Globalization;
using LatentWorkbench.Tables;
using Microsoft.Data.Analysis;

namespace LatentWorkbench.Tests.Tables;

public sealed class DataFramesTests
{
    [Fact]
    public void FromRows_Infers_A_Typed_Column_Per_Column_With_Nulls_As_Missing()
    {
        var frame = DataFrames.FromRows(
            ["method", "k", "error", "converged", "big"],
            [["PCA", 2, 0.5, true, 1L], ["t-SNE", null, 1, false, 2L], [null, 10, null, null, null]]);

        Assert.IsType<StringDataFrameColumn>(frame.Columns["method"]);
        Assert.IsType<Int32DataFrameColumn>(frame.Columns["k"]);
        Assert.IsType<DoubleDataFrameColumn>(frame.Columns["error"]);
        Assert.IsType<BooleanDataFrameColumn>(frame.Columns["converged"]);
        Assert.IsType<Int64DataFrameColumn>(frame.Columns["big"]);
        Assert.Equal(3, frame.Rows.Count);
        Assert.Null(frame.Columns["k"][1]);
        Assert.Equal(1.0, frame.Columns["error"][1]);
        Assert.Equal(1, frame.Columns["error"].NullCount);
    }

    [Fact]
    public void FromRows_Rejects_A_Row_Of_The_Wrong_Width_And_Repeated_Columns()
    {
        var wrong = Assert.Throws<ArgumentException>(() => DataFrames.FromRows(["method", "acc"], [["a", 1.0], ["only one"]]));
        Assert.Equal("rows", wrong.ParamName);
        Assert.Contains("Row 1 has 1 cells but the table has 2 columns (method, acc)", wrong.Message, StringComparison.Ordinal);

        var repeated = Assert.Throws<ArgumentException>(() => DataFrames.FromRows(["k", "k"], []));
        Assert.Contains("'k' is named twice", repeated.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => DataFrames.FromRows([], []));
    }

    [Fact]
    public void The_Title_Belongs_To_The_Frame_And_Can_Be_Removed()
    {
        var frame = DataFrames.FromRows(["k"], [[1]], title: "Runs");
        Assert.Equal("Runs", frame.GetTitle());
        Assert.Null(frame.Clone().GetTitle());
        Assert.Null(frame.WithTitle(null).GetTitle());
    }

    [Fact]
    public void Plain_Text_Is_Aligned_With_Numbers_To_Four_Significant_Digits()
    {
        var frame = DataFrames.FromRows(["method", "acc"], [["a", 0.5], ["long name", 0.123456]]);
        Assert.Equal("method        acc\n---------  ------\na             0.5\nlong name  0.1235\n", frame.ToPlainText());
    }

    [Fact]
    public void Html_Right_Aligns_Numbers_Escapes_Text_And_Writes_Small_Values_With_An_Exponent()
    {
        string html = DataFrames.FromRows(["method", "error"], [["t-SNE <BH>", 1.23456e-5], ["PCA", 12345678.9]], title: "A & B").ToHtml();

        Assert.Contains("<caption>A &amp; B</caption>", html, StringComparison.Ordinal);
        Assert.Contains("<td>t-SNE &lt;BH&gt;</td><td style=\"text-align:right\">1.235e-05</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td style=\"text-align:right\">1.235e+07</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Renderings_Do_Not_Depend_On_The_Current_Culture()
    {
        var frame = DataFrames.FromRows(["x", "n"], [[-0.25, 12345], [1e-9, -3]], title: "culture");
        string[] invariant = [frame.ToHtml(), frame.ToSvg(), frame.ToPlainText(), frame.ToCsv(), frame.ToMarkdown()];
        var previous = CultureInfo.CurrentCulture;
        var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        comma.NumberFormat.NumberDecimalSeparator = ",";
        comma.NumberFormat.NegativeSign = "\u2212";
        try
        {
            CultureInfo.CurrentCulture = comma;
            string[] inComma = [frame.ToHtml(), frame.ToSvg(), frame.ToPlainText(), frame.ToCsv(), frame.ToMarkdown()];
            Assert.Equal(invariant, inComma);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }

        Assert.Contains("-0.25", invariant[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Displays_Stop_After_The_Row_Limit_And_Say_How_Many_Rows_Were_Left_Out()
    {
        var frame = DataFrames.FromRows(["i"], Enumerable.Range(0, TableCells.MaxDisplayedRows + 5).Select(i => new object?[] { i }));

        Assert.Contains("… 5 more rows", frame.ToHtml(), StringComparison.Ordinal);
        Assert.DoesNotContain($">{TableCells.MaxDisplayedRows}</td>", frame.ToHtml(), StringComparison.Ordinal);
        Assert.EndsWith("… 5 more rows\n", frame.ToPlainText(), StringComparison.Ordinal);
        Assert.Equal(TableCells.MaxDisplayedRows + 8, frame.ToMarkdown().Split('\n').Length);
    }
}
