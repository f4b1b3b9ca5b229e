using LatentWorkbench.Compute;
using LatentWorkbench.Metrics.Collapse;
using LatentWorkbench.Models.Gans;
using LatentWorkbench.Runs;
using LatentWorkbench.Tests.TestUtilities;
using LatentWorkbench.Training;
using TorchSharp;
using LatentWorkbench.Experiments.Gans;

namespace LatentWorkbench.Tests.Experiments.Gans;

[Collection(MnistCollection.Name)]
public sealed class GanExperimentTests(MnistFixture mnist)
{
    private static readonly GanExperimentOptions Tiny = new()
    {
        Model = new GanConfig(NoiseSize: 8, HiddenSize: 16),
        TrainCount = 128,
        Training = new TrainerOptions { Epochs = 2, BatchSize = 32 },
        SnapshotCount = 3,
        SampleCount = 20,
        Device = DeviceChoice.Cpu,
    };

    [Fact]
    public void Snapshots_After_Every_Epoch_Come_Back_With_A_Cached_Run()
    {
        using var temp = new TempDirectory();
        var store = RunStore.Open(temp.File("runs.db"));
        var setting = Tiny.Settings()[2];   // packed
        var first = GanExperiment.Run(setting, Tiny, mnist.Data, store);
        var second = GanExperiment.Run(setting, Tiny, mnist.Data, store);

        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        Assert.Equal(2, first.Snapshots.Count);
        Assert.All(first.Snapshots, s =>
        {
            Assert.Equal([3L, 784L], s.shape);
            Assert.Equal(torch.float32, s.dtype);
            Assert.Equal(DeviceType.CPU, s.device_type);
        });
        Assert.Equal(first.Snapshots.Count, second.Snapshots.Count);
        Assert.All(first.Snapshots.Zip(second.Snapshots), p => Assert.Equal(p.First.data<float>().ToArray(), p.Second.data<float>().ToArray()));   // read back bit for bit
        Assert.NotEqual(first.Snapshots[0].data<float>().ToArray(), first.Snapshots[1].data<float>().ToArray());   // the generator moved between epochs
        using var scope = torch.NewDisposeScope();
        Assert.Equal(first.Samples(5, 1).data<float>().ToArray(), second.Samples(5, 1).data<float>().ToArray());
        Assert.True(GanFigures.OverTraining(second).Height > 2 * 28);   // two rows of digits at least
    }

    [Fact]
    public void The_Settings_Are_Equal_Rates_A_Faster_Generator_And_Packing()
    {
        var settings = Tiny.Settings();
        Assert.Equal(settings[0].Config.GeneratorLearningRate, settings[0].Config.DiscriminatorLearningRate);
        Assert.Equal(Tiny.GeneratorRateRatio * settings[1].Config.DiscriminatorLearningRate, settings[1].Config.GeneratorLearningRate, 12);
        Assert.Equal(Tiny.Packing, settings[2].Config.Packing);
    }

    [Fact]
    public void A_Batch_That_Does_Not_Split_Into_Packs_Is_Rejected()
    {
        var odd = Tiny with { Training = Tiny.Training with { BatchSize = 30 } };
        var error = Assert.Throws<ArgumentException>("options", () => GanExperiment.Run(odd.Settings()[2], odd, mnist.Data));
        Assert.Contains("packing (4)", error.Message);
    }

    [Fact]
    public void A_Constant_Classifier_Sees_One_Class_And_Real_Digits_At_Distance_Zero_From_Themselves()
    {
        using var scope = torch.NewDisposeScope();
        var images = torch.tensor(mnist.Data.Test.Pixels.ToArray(), [mnist.Data.Test.Count, 784]).narrow(0, 0, 200);
        // Logits that always pick class 2; features = the pixel means of 4 row bands (a fixed, honest feature map).
        var probe = new DigitClassifierProbe(
            x => torch.zeros([x.shape[0], 10]).index_fill_(1, torch.tensor(new long[] { 2 }), 1.0),
            x => x.reshape(x.shape[0], 4, 196).mean([2L]));
        var report = SampleDiversity.Measure(images, images, probe, batchSize: 64);
        Assert.Equal(1, report.Histogram.ClassesCovered);
        Assert.Equal(200, report.Histogram.Counts[2]);
        Assert.Equal(0, report.Frechet, 6);
    }
}
