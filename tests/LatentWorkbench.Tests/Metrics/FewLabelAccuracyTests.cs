using LatentWorkbench.Metrics;
using static TorchSharp.torch;

namespace LatentWorkbench.Tests.Metrics;

public sealed class FewLabelAccuracyTests
{
    [Fact]
    public void The_Labelled_Sample_Is_Balanced_Sorted_And_Fixed_By_The_Seed()
    {
        var labels = arange(10, dtype: ScalarType.Int64).repeat(50);
        var picked = FewLabelAccuracy.BalancedSample(labels, 23, seed: 4);
        long[] indices = picked.data<long>().ToArray();
        Assert.Equal(23, indices.Length);
        Assert.Equal(indices.Order(), indices);
        var perClass = indices.GroupBy(i => labels[i].item<long>()).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(10, perClass.Count);
        Assert.All(perClass.Values, count => Assert.InRange(count, 2, 3));
        Assert.Equal(indices, FewLabelAccuracy.BalancedSample(labels, 23, seed: 4).data<long>().ToArray());
        Assert.NotEqual(indices, FewLabelAccuracy.BalancedSample(labels, 23, seed: 5).data<long>().ToArray());
    }

    [Fact]
    public void Separated_Classes_Are_Read_From_One_Label_Each_And_Too_Few_Labels_Is_An_Error()
    {
        var labels = arange(3, dtype: ScalarType.Int64).repeat_interleave(100);
        var data = randn(300, 2, generator: new Generator(1)) * 0.1 + labels.to_type(ScalarType.Float32).unsqueeze(1) * 5;
        Assert.Equal(1.0, FewLabelAccuracy.Evaluate(data, labels, data, labels, labelCount: 3, seed: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => FewLabelAccuracy.Evaluate(data, labels, data, labels, labelCount: 2, seed: 0));
    }
}
