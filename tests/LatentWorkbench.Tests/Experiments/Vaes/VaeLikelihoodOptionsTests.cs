using LatentWorkbench.Experiments;
using LatentWorkbench.Experiments.Vaes;

namespace LatentWorkbench.Tests.Experiments.Vaes;

public sealed class VaeLikelihoodOptionsTests
{
    [Theory]
    [InlineData(5000, new[] { 1, 10, 100, 1000, 5000 })]
    [InlineData(1000, new[] { 1, 10, 100, 1000 })]
    [InlineData(1, new[] { 1 })]
    [InlineData(7, new[] { 1, 7 })]
    public void With_Max_Samples_Gives_Every_Power_Of_Ten_Below_It_Then_It(int samples, int[] expected)
    {
        var options = VaeLikelihoodOptions.Default.WithMaxSamples(samples);
        Assert.Equal(expected, options.SampleCounts);
        options.Validate();
        Assert.Throws<ArgumentOutOfRangeException>(() => VaeLikelihoodOptions.Default.WithMaxSamples(0));
    }

    [Fact]
    public void Quick_Scores_Few_Digits_At_Small_K_Long_Every_Digit_And_Default_Changes_Nothing()
    {
        var options = VaeLikelihoodOptions.Default with { TestExamples = 300 };
        Assert.Same(options, options.WithBudget(StudyBudget.Default));
        var quick = options.WithBudget(StudyBudget.Quick);
        Assert.True(quick.TestExamples < options.TestExamples);
        Assert.True(quick.SampleCounts[^1] < options.SampleCounts[^1]);
        quick.Validate();
        var longer = options.WithBudget(StudyBudget.Long);
        Assert.Equal(10_000, longer.TestExamples);
        Assert.Equal(options.SampleCounts, longer.SampleCounts);
    }
}
