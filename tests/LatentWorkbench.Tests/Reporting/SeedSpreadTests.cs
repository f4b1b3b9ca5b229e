using LatentWorkbench.Reporting;

namespace LatentWorkbench.Tests.Reporting;

public sealed class SeedSpreadTests
{
    [Fact]
    public void Mean_And_Sample_Standard_Deviation_Over_Seeds()
    {
        var spread = new SeedSpread([1.0, 2.0, 4.0]);
        Assert.Equal(7.0 / 3, spread.Mean, 12);
        Assert.Equal(Math.Sqrt(((1 - (7.0 / 3)) * (1 - (7.0 / 3)) + (2 - (7.0 / 3)) * (2 - (7.0 / 3)) + (4 - (7.0 / 3)) * (4 - (7.0 / 3))) / 2), spread.StandardDeviation, 12);
        Assert.Equal("2.33 ± 1.53", spread.Format(2));
    }

    [Fact]
    public void One_Seed_Has_No_Spread_And_Is_Shown_Without_One()
    {
        var spread = new SeedSpread([0.95]);
        Assert.True(double.IsNaN(spread.StandardDeviation));
        Assert.Equal("0.950", spread.Format(3));
        Assert.Null(spread.DiffersFrom(new SeedSpread([0.9, 0.91])));
    }

    [Fact]
    public void Settings_Differ_Only_When_The_Gap_Exceeds_Twice_The_Standard_Error_Of_The_Difference()
    {
        var a = new SeedSpread([0.90, 0.91, 0.92]);
        Assert.True(a.DiffersFrom(new SeedSpread([0.95, 0.96, 0.97])));
        Assert.False(a.DiffersFrom(new SeedSpread([0.905, 0.925, 0.915])));
    }

    [Fact]
    public void No_Values_Is_An_Error()
    {
        Assert.Throws<ArgumentException>(() => new SeedSpread([]));
    }
}
