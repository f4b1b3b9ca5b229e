using LatentWorkbench.Metrics.Collapse;
using TorchSharp;

namespace LatentWorkbench.Tests.Metrics.Collapse;

public sealed class ClassHistogramTests
{
    [Fact]
    public void A_Uniform_Spread_Covers_Every_Class_With_Entropy_Log_K()
    {
        var histogram = new ClassHistogram(Labels([.. Enumerable.Range(0, 1000).Select(i => (long)(i % 10))]));
        Assert.Equal(10, histogram.ClassesCovered);
        Assert.Equal(Math.Log(10), histogram.Entropy, 12);
        Assert.Equal(0.1, histogram.MostFrequentShare, 12);
    }

    [Fact]
    public void A_Collapsed_Generator_Covers_One_Class_With_Zero_Entropy()
    {
        var histogram = new ClassHistogram(Labels([.. Enumerable.Repeat(7L, 50)]));
        Assert.Equal(1, histogram.ClassesCovered);
        Assert.Equal(0, histogram.Entropy);
        Assert.Equal(1, histogram.MostFrequentShare);
        Assert.Equal(50, histogram.Counts[7]);
    }

    [Fact]
    public void A_Few_Stray_Labels_Below_The_Coverage_Share_Do_Not_Count_As_Covered()
    {
        // 995 threes and 5 eights: the eights are 0.5% < 1%; entropy −(0.995 ln 0.995 + 0.005 ln 0.005).
        using var labels = Labels([.. Enumerable.Repeat(3L, 995), .. Enumerable.Repeat(8L, 5)]);
        var histogram = new ClassHistogram(labels);
        Assert.Equal(1, histogram.ClassesCovered);
        Assert.Equal(-((0.995 * Math.Log(0.995)) + (0.005 * Math.Log(0.005))), histogram.Entropy, 12);
        Assert.Equal(2, new ClassHistogram(labels, coverageShare: 0.005).ClassesCovered);
    }

    [Fact]
    public void Two_Equal_Classes_Have_Entropy_Log_Two()
    {
        var histogram = new ClassHistogram(Labels([1, 4, 1, 4]));
        Assert.Equal(Math.Log(2), histogram.Entropy, 12);
        Assert.Equal(2, histogram.ClassesCovered);
        Assert.Equal(0.5, histogram.MostFrequentShare);
    }

    [Fact]
    public void Labels_Of_Any_Integer_Dtype_Or_A_Strided_View_Count_The_Same()
    {
        using var bytes = torch.tensor(new byte[] { 2, 2, 5 });
        using var strided = Labels([2, 9, 2, 9, 5, 9]).reshape(3, 2).select(1, 0);
        Assert.Equal([0, 0, 2, 0, 0, 1, 0, 0, 0, 0], new ClassHistogram(bytes).Counts);
        Assert.Equal(new ClassHistogram(bytes).Counts, new ClassHistogram(strided).Counts);
    }

    [Fact]
    public void Labels_Outside_The_Classes_Or_None_At_All_Are_Rejected_By_Position()
    {
        var error = Assert.Throws<ArgumentException>("labels", () => new ClassHistogram(Labels([0, 10])));
        Assert.Contains("labels[1] is 10", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("labels", () => new ClassHistogram(Labels([])));
        Assert.Throws<ArgumentOutOfRangeException>("coverageShare", () => new ClassHistogram(Labels([0]), coverageShare: 0));
    }

    [Fact]
    public void Labels_That_Are_Not_An_Integer_Vector_Are_Rejected_With_The_Parameter_Named()
    {
        var floats = Assert.Throws<ArgumentException>("labels", () => new ClassHistogram(torch.zeros(4)));
        Assert.Contains("integer tensor [N]", floats.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("labels", () => new ClassHistogram(torch.zeros([2, 2], dtype: torch.int64)));
        Assert.Throws<ArgumentNullException>("labels", () => new ClassHistogram(null!));
    }

    private static torch.Tensor Labels(long[] values) => torch.tensor(values, dtype: torch.int64);
}
