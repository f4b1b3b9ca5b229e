using LatentWorkbench.Metrics.Collapse;

namespace LatentWorkbench.Tests.Metrics.Collapse;

public sealed class ClassHistogramTests
{
    [Fact]
    public void A_Uniform_Spread_Covers_Every_Class_With_Entropy_Log_K()
    {
        var histogram = new ClassHistogram([.. Enumerable.Range(0, 1000).Select(i => i % 10)]);
        Assert.Equal(10, histogram.ClassesCovered);
        Assert.Equal(Math.Log(10), histogram.Entropy, 12);
        Assert.Equal(0.1, histogram.MostFrequentShare, 12);
    }

    [Fact]
    public void A_Collapsed_Generator_Covers_One_Class_With_Zero_Entropy()
    {
        var histogram = new ClassHistogram([.. Enumerable.Repeat(7, 50)]);
        Assert.Equal(1, histogram.ClassesCovered);
        Assert.Equal(0, histogram.Entropy);
        Assert.Equal(1, histogram.MostFrequentShare);
        Assert.Equal(50, histogram.Counts[7]);
    }

    [Fact]
    public void A_Few_Stray_Labels_Below_The_Coverage_Share_Do_Not_Count_As_Covered()
    {
        // 995 threes and 5 eights: the eights are 0.5% < 1%; entropy −(0.995 ln 0.995 + 0.005 ln 0.005).
        int[] labels = [.. Enumerable.Repeat(3, 995), .. Enumerable.Repeat(8, 5)];
        var histogram = new ClassHistogram(labels);
        Assert.Equal(1, histogram.ClassesCovered);
        Assert.Equal(-((0.995 * Math.Log(0.995)) + (0.005 * Math.Log(0.005))), histogram.Entropy, 12);
        Assert.Equal(2, new ClassHistogram(labels, coverageShare: 0.005).ClassesCovered);
    }

    [Fact]
    public void Two_Equal_Classes_Have_Entropy_Log_Two()
    {
        var histogram = new ClassHistogram([1, 4, 1, 4]);
        Assert.Equal(Math.Log(2), histogram.Entropy, 12);
        Assert.Equal(2, histogram.ClassesCovered);
        Assert.Equal(0.5, histogram.MostFrequentShare);
    }

    [Fact]
    public void Labels_Outside_The_Classes_Or_None_At_All_Are_Rejected_By_Position()
    {
        var error = Assert.Throws<ArgumentException>("labels", () => new ClassHistogram([0, 10]));
        Assert.Contains("labels[1] is 10", error.Message);
        Assert.Throws<ArgumentException>("labels", () => new ClassHistogram([]));
        Assert.Throws<ArgumentOutOfRangeException>("coverageShare", () => new ClassHistogram([0], coverageShare: 0));
    }
}
