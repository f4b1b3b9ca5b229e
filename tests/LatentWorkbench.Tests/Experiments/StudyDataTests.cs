using LatentWorkbench.Compute;
using LatentWorkbench.Experiments;
using LatentWorkbench.Experiments.Classifiers;
using LatentWorkbench.Tests.TestUtilities;
using TorchSharp;

namespace LatentWorkbench.Tests.Experiments;

[Collection(MnistCollection.Name)]
public sealed class StudyDataTests(MnistFixture mnist)
{
    [Fact]
    public void Gives_The_First_TrainCount_Training_And_TestCount_Test_Digits_Keyed_For_The_Run_Store()
    {
        var options = ClassifierExperimentOptions.Default with { TrainCount = 300, TestCount = 40, Device = DeviceChoice.Cpu };
        using var study = StudyData.Load(options, mnist.Data);

        Assert.Equal("mnist-train:first-300", study.Training.Key);
        Assert.Equal([300, 784], study.Training.Inputs.shape);
        Assert.True(study.Training.Inputs.equal(mnist.Data.Train.Images.narrow(0, 0, 300)).all().item<bool>());
        Assert.True(study.Training.Labels!.equal(mnist.Data.Train.Labels.narrow(0, 0, 300)).all().item<bool>());
        Assert.Equal(40, study.Test.Count);
        Assert.True(study.Test.Images.equal(mnist.Data.Test.Images.narrow(0, 0, 40)).all().item<bool>());
        Assert.Equal(torch.CPU.type, study.Test.Device.type);
    }

    [Fact]
    public void Counts_Beyond_A_Split_Or_None_Mean_All_Of_It_And_Disposing_Leaves_The_Loaded_Splits_Intact()
    {
        var options = ClassifierExperimentOptions.Default with { TrainCount = int.MaxValue, Device = DeviceChoice.Cpu };
        using (var study = StudyData.Load(options, mnist.Data))
        {
            Assert.Equal($"mnist-train:{mnist.Data.Train.Count}", study.Training.Key);
            Assert.Equal(mnist.Data.Test.Count, study.Test.Count);
        }

        Assert.Equal(mnist.Data.Train.Count, (int)mnist.Data.Train.Images.shape[0]);
        Assert.InRange(mnist.Data.Test.Images.sum().item<float>(), 1f, float.MaxValue);
    }

    [Fact]
    public void Validates_The_Options_Before_Touching_The_Data()
    {
        var options = ClassifierExperimentOptions.Default with { TestCount = 0 };
        Assert.Equal("TestCount", Assert.Throws<ArgumentOutOfRangeException>(() => StudyData.Load(options, mnist.Data)).ParamName);
    }
}
