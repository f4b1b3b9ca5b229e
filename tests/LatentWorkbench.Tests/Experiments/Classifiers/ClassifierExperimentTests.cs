using LatentWorkbench.Compute;
using LatentWorkbench.Experiments;
using LatentWorkbench.Models.Classifiers;
using LatentWorkbench.Runs;
using LatentWorkbench.Tests.TestUtilities;
using LatentWorkbench.Training;
using LatentWorkbench.Experiments.Classifiers;

namespace LatentWorkbench.Tests.Experiments.Classifiers;

[Collection(MnistCollection.Name)]
public sealed class ClassifierExperimentTests(MnistFixture mnist)
{
    // A few hundred steps' worth of real digits: enough to be far above chance (10 %), small enough for CI.
    private static readonly ClassifierExperimentOptions Small = ClassifierExperimentOptions.Default with
    {
        Training = new TrainerOptions { Epochs = 1, BatchSize = 64 },
        TrainCount = 2_000,
        TestCount = 500,
        Device = DeviceChoice.Cpu,
    };

    [Fact]
    public void Trains_Far_Above_Chance_And_A_Second_Run_Comes_From_The_Store_With_The_Same_Accuracy()
    {
        using var temp = new TempDirectory();
        var store = RunStore.Open(temp.File("runs.db"));

        var first = ClassifierExperiment.Run(Small, mnist.Data, store: store);
        var second = ClassifierExperiment.Run(Small, mnist.Data, store: store);

        Assert.True(first.TestAccuracy > 0.7, $"accuracy {first.TestAccuracy} after one epoch on 2,000 digits");
        Assert.Equal(500, first.TestCount);
        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        Assert.Equal(first.TestAccuracy, second.TestAccuracy);
        Assert.Equal(ClassifierExperiment.ModelName, store.List().Single().Model);
        Assert.False(second.Model.training);
    }

    [Fact]
    public void The_Defaults_Are_The_Documented_Ones_And_Bad_Options_Are_Named()
    {
        Assert.Null(ClassifierExperimentOptions.Default.TrainCount);
        Assert.Null(ClassifierExperimentOptions.Default.TestCount);
        Assert.Equal(new ConvClassifierConfig(), ClassifierExperimentOptions.Default.Model);
        Assert.True(ClassifierExperimentOptions.Default.WithBudget(StudyBudget.Quick).TrainCount < 60_000);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ClassifierExperiment.Run(Small with { TrainCount = 0 }, mnist.Data));
        Assert.Equal("TrainCount", e.ParamName);
    }
}
