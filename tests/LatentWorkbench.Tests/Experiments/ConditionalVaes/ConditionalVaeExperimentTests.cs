using LatentWorkbench.Compute;
using LatentWorkbench.Runs;
using LatentWorkbench.Tests.TestUtilities;
using LatentWorkbench.Training;
using LatentWorkbench.Experiments.ConditionalVaes;
using LatentWorkbench.Models.Vaes;

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

    [Fact]
    public void The_Fully_Conditional_Variant_Learns_And_Is_Stored_Under_Its_Own_Name()
    {
        using var temp = new TempDirectory();
        var store = RunStore.Open(temp.File("runs.db"));

        var plain = ConditionalVaeExperiment.Run(Small, mnist.Data, store: store);
        var full = ConditionalVaeExperiment.RunFullyConditional(Small, mnist.Data, store: store);

        Assert.IsType<FullyConditionalVae>(full.Model);
        Assert.Equal(Small.FullyConditionalBeta, ((FullyConditionalVae)full.Model).Beta);
        Assert.True(full.TestLossMean < 784 * Math.Log(2) * 0.8, $"test loss {full.TestLossMean}");
        Assert.False(full.FromCache);
        Assert.NotEqual(plain.RunId, full.RunId);
        Assert.Equal([ConditionalVaeExperiment.ModelName, ConditionalVaeExperiment.FullyConditionalModelName], store.List().Select(r => r.Model).Order());
    }
}
