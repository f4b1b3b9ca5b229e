using LatentWorkbench.Compute;
using TorchSharp;

namespace LatentWorkbench.Tests.Compute;

public sealed class BatchesTests
{
    public BatchesTests() => TorchRuntime.EnsureInitialized();

    [Fact]
    public void Ranges_Cover_Every_Row_In_Order_With_A_Smaller_Last_Batch()
    {
        var ranges = new List<(long Start, long Count)>();
        Batches.ForEach(10, 4, (start, count) => ranges.Add((start, count)));
        Assert.Equal([(0L, 4L), (4L, 4L), (8L, 2L)], ranges);

        ranges.Clear();
        Batches.ForEach(0, 4, (start, count) => ranges.Add((start, count)));
        Assert.Empty(ranges);
    }

    [Fact]
    public void Sum_And_Concat_Equal_The_Whole_Computation()
    {
        using var data = torch.arange(0, 23, dtype: torch.float32).reshape(23, 1) / 7;

        double sum = Batches.Sum(23, 5, (start, count) => data.narrow(0, start, count).pow(2).sum());
        Assert.Equal(data.to_type(torch.float64).pow(2).sum().item<double>(), sum, 5);

        using var doubled = Batches.Concat(23, 5, (start, count) => data.narrow(0, start, count) * 2);
        Assert.True(doubled.allclose(data * 2, rtol: 0, atol: 0));

        var (negated, squared) = Batches.Concat(23, 6, (start, count) => (-data.narrow(0, start, count), data.narrow(0, start, count).pow(2)));
        Assert.True(negated.allclose(-data, rtol: 0, atol: 0));
        Assert.True(squared.allclose(data.pow(2), rtol: 0, atol: 0));
    }

    [Fact]
    public void Batches_Run_Without_Gradients_And_Leave_Only_Their_Results_Alive()
    {
        using var weight = torch.ones(3, requires_grad: true);
        using var rows = torch.ones(8, 3);
        long before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        using (var result = Batches.Concat(8, 3, (start, count) => rows.narrow(0, start, count) * weight * 2 + 1))
        {
            Assert.False(result.requires_grad);
            Assert.Equal(before + 1, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
        }

        Assert.Equal(before, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    [Fact]
    public void Bad_Sizes_Name_The_Parameter()
    {
        Assert.Equal("batchSize", Assert.Throws<ArgumentOutOfRangeException>(() => Batches.ForEach(5, 0, (_, _) => { })).ParamName);
        Assert.Equal("rows", Assert.Throws<ArgumentOutOfRangeException>(() => Batches.ForEach(-1, 2, (_, _) => { })).ParamName);
        Assert.Equal("rows", Assert.Throws<ArgumentOutOfRangeException>(() => Batches.Concat(0, 2, (start, count) => torch.zeros(count))).ParamName);
    }
}
