using LatentWorkbench.Compute;
using LatentWorkbench.Runs;
using LatentWorkbench.Tests.TestUtilities;
using LatentWorkbench.Training;
using LatentWorkbench.Experiments.ConditionalVaes;

namespace LatentWorkbench.Tests.Experiments.ConditionalVaes;

[Collection(MnistCollection.Name)]
public sealed class ConditionalVaeExperimentTests(MnistFixture mnist)
{
    private static readonly ConditionalVaeExperimentOptions Small = ConditionalVaeExperimentOptions.Default with
    {
        Training = new TrainerOptions { Epochs = 1 },
        TrainCount = 1_000,
        TestCount = 200,
        Device = DeviceChoice.Cpu,
    };

    [Fact]
    public void Learns_Below_The_Uniform_Guess_And_A_Second_Run_Comes_From_The_Store()
    {
        using var temp = new TempDirectory();
        var store = RunStore.Open(temp.File("runs.db"));

        var first = ConditionalVaeExperiment.Run(Small, mnist.Data, store: store);
        var second = ConditionalVaeExperiment.Run(Small, mnist.Data, store: store);

        // Every pixel at 0.5 costs 784·ln 2 ≈ 543 nats; one epoch on 1,000 digits already does far better.
        Assert.True(first.TestLossMean < 784 * Math.Log(2) * 0.8, $"test loss {first.TestLossMean}");
        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        Assert.Equal(first.TestLossMean, second.TestLossMean, 6);
        Assert.Equal(ConditionalVaeExperiment.ModelName, store.List().Single().Model);
    }
}
