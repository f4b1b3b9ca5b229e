using LatentWorkbench.Reduction;

namespace LatentWorkbench.Tests.Reduction;

public sealed class MatrixRowsTests
{
    private static Matrix Counting(int rows, int cols, float start = 0) =>
        new([.. Enumerable.Range(0, rows * cols).Select(i => start + i)], rows, cols);

    [Fact]
    public void StackRows_Puts_Each_Part_Below_The_Previous_One()
    {
        var a = Counting(2, 3);
        var b = Counting(1, 3, 100);
        var c = Counting(3, 3, 200);
        var stacked = Matrix.StackRows([a, b, c]);
        Assert.Equal(6, stacked.Rows);
        Assert.Equal(3, stacked.Cols);
        Assert.Equal([.. a.Data, .. b.Data, .. c.Data], stacked.Data);
        Assert.NotSame(a.Data, Matrix.StackRows([a]).Data);
    }

    [Fact]
    public void StackRows_Rejects_Mismatched_Columns_And_No_Parts()
    {
        var error = Assert.Throws<ArgumentException>(() => Matrix.StackRows([Counting(2, 3), Counting(2, 4)]));
        Assert.Equal("parts", error.ParamName);
        Assert.Contains("parts[1] has 4 columns", error.Message, StringComparison.Ordinal);
        Assert.Equal("parts", Assert.Throws<ArgumentException>(() => Matrix.StackRows([])).ParamName);
    }

    [Fact]
    public void SampleRowIndices_Are_Distinct_In_Range_And_Fixed_By_The_Seed()
    {
        var data = Counting(1000, 2);
        int[] first = data.SampleRowIndices(10, seed: 4);
        Assert.Equal(first, data.SampleRowIndices(10, seed: 4));
        Assert.NotEqual(first, data.SampleRowIndices(10, seed: 5));
        Assert.Equal(10, first.Distinct().Count());
        Assert.All(first, i => Assert.InRange(i, 0, 999));
        Assert.Equal(Enumerable.Range(0, 1000), data.SampleRowIndices(1000, seed: 1).Order());
    }

    [Fact]
    public void SampleRows_Copies_The_Sampled_Rows_In_Draw_Order()
    {
        var data = Counting(50, 4);
        int[] picks = data.SampleRowIndices(5, seed: 2);
        var sample = data.SampleRows(5, seed: 2);
        Assert.Equal(5, sample.Rows);
        for (int i = 0; i < picks.Length; i++)
        {
            Assert.Equal(data.Row(picks[i]).ToArray(), sample.Row(i).ToArray());
        }
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(51)]
    public void SampleRows_Throws_Naming_Count_When_Out_Of_Range(int count)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Counting(50, 4).SampleRows(count, 0));
        Assert.Equal("count", error.ParamName);
    }
}
