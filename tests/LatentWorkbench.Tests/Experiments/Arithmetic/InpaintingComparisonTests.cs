using LatentWorkbench.Compute;
using LatentWorkbench.Experiments.Arithmetic;

namespace LatentWorkbench.Tests.Experiments.Arithmetic;

public sealed class InpaintingComparisonTests
{
    public InpaintingComparisonTests() => TorchRuntime.EnsureInitialized();

    [Fact]
    public void Digits_Are_Distinct_Sorted_Reproducible_And_Differ_Between_Seeds()
    {
        long[] first = InpaintingComparison.DrawDigits(100, 20, seed: 3).data<long>().ToArray();
        Assert.Equal(20, first.Distinct().Count());
        Assert.Equal(first.Order(), first);
        Assert.All(first, i => Assert.InRange(i, 0, 99));
        Assert.Equal(first, InpaintingComparison.DrawDigits(100, 20, seed: 3).data<long>().ToArray());
        Assert.NotEqual(first, InpaintingComparison.DrawDigits(100, 20, seed: 4).data<long>().ToArray());
        Assert.Equal(5, InpaintingComparison.DrawDigits(5, 20, seed: 3).shape[0]);   // never more than there are
    }
}
