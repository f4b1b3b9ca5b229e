using LatentWorkbench.Training;
using TorchSharp;

namespace LatentWorkbench.Tests.Training;

public sealed class TrainingDataTests
{
    [Fact]
    public void Repeating_The_First_Examples_Keeps_The_Size_Cycles_Them_In_Order_And_Changes_The_Key()
    {
        using var scope = torch.NewDisposeScope();
        var data = new TrainingData(torch.arange(7, torch.float32).reshape(7, 1), torch.arange(7, torch.int64) + 10, "digits:7");
        var few = data.RepeatingFirst(3);

        Assert.Equal(new float[] { 0, 1, 2, 0, 1, 2, 0 }, few.Inputs.flatten().data<float>().ToArray());
        Assert.Equal(new long[] { 10, 11, 12, 10, 11, 12, 10 }, few.Labels!.data<long>().ToArray());
        Assert.Equal("digits:7:repeating-first-3", few.Key);
        Assert.Null(data.WithoutLabels().RepeatingFirst(7).Labels);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    public void Repeating_Needs_Between_One_And_All_Examples(int distinct)
    {
        using var scope = torch.NewDisposeScope();
        var data = new TrainingData(torch.zeros(7, 2), null, "zeros");
        Assert.Throws<ArgumentOutOfRangeException>("distinct", () => data.RepeatingFirst(distinct));
    }
}
