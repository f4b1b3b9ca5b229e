using LatentWorkbench.Reporting;

namespace LatentWorkbench.Tests.Reporting;

public sealed class SeedTableTests
{
    [Fact]
    public void Each_Cell_Shows_Mean_And_Spread_And_Each_Row_Its_Seed_Count()
    {
        var table = new SeedTable("model")
            .Add("PCA", 0, "test MSE", 0.020).Add("PCA", 1, "test MSE", 0.022)
            .Add("AE", 0, "test MSE", 0.010).Add("AE", 1, "test MSE", 0.012).Add("AE", 2, "test MSE", 0.014);
        var frame = table.ToDataFrame(title: "errors", digits: 3);

        Assert.Equal(["model", "test MSE (mean ± s.d.)", "seeds"], frame.Columns.Select(c => c.Name));
        Assert.Equal("PCA", frame.Columns[0][0]);
        Assert.Equal("0.021 ± 0.001", frame.Columns[1][0]);
        Assert.Equal("0.012 ± 0.002", frame.Columns[1][1]);
        Assert.Equal(3, Convert.ToInt32(frame.Columns[2][1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal([0.010, 0.012, 0.014], table["AE", "test MSE"].Values);
    }

    [Fact]
    public void A_Seed_Given_Twice_Or_A_Missing_Cell_Names_What_Is_Wrong()
    {
        var table = new SeedTable("model").Add("AE", 0, "MSE", 1);
        var twice = Assert.Throws<ArgumentException>(() => table.Add("AE", 0, "MSE", 2));
        Assert.Contains("seed 0", twice.Message, StringComparison.Ordinal);
        var missing = Assert.Throws<KeyNotFoundException>(() => table["PCA", "MSE"]);
        Assert.Contains("rows: AE", missing.Message, StringComparison.Ordinal);
    }
}
