using LatentWorkbench.Compute;
using LatentWorkbench.Experiments;
using LatentWorkbench.Metrics.Collapse;
using LatentWorkbench.Models.Classifiers;
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
        FewDistinctDigits = 10,
        Device = DeviceChoice.Cpu,
    };

    [Fact]
    public void Snapshots_After_Every_Epoch_Come_Back_With_A_Cached_Run()
    {
        using var temp = new TempDirectory();
        var store = RunStore.Open(temp.File("runs.db"));
        var setting = Tiny.Remedy();
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
    public void The_Remedy_Is_The_Collapsing_Gan_With_A_Spectrally_Normalised_Discriminator_And_Nothing_Else()
    {
        Assert.Equal([Tiny.Collapsing(), Tiny.Remedy()], Tiny.Settings());
        Assert.False(Tiny.Collapsing().Config.SpectralNorm);
        Assert.True(Tiny.Remedy().Config.SpectralNorm);
        Assert.Equal(Tiny.Collapsing().Config, Tiny.Remedy().Config with { SpectralNorm = false });
        Assert.Equal(Tiny.Collapsing().Config.GeneratorLearningRate, Tiny.Collapsing().Config.DiscriminatorLearningRate);
        var few = Tiny.FewDigitSettings();
        Assert.Equal([Tiny.Remedy().Config], few.Select(s => s.Config));   // no dropout by default: the remedy alone
        var withDropout = (Tiny with { FewDigitDropout = 0.3 }).FewDigitSettings();
        Assert.Equal([Tiny.Remedy().Config, Tiny.Remedy().Config with { DiscriminatorDropout = 0.3 }], withDropout.Select(s => s.Config));
        Assert.All(few.Concat(withDropout), s => Assert.Contains("10 distinct digits", s.Name, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void A_Dropout_Outside_Zero_To_One_Is_Refused_By_Name(double dropout)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => (Tiny with { FewDigitDropout = dropout }).Validate());
        Assert.Equal(nameof(GanExperimentOptions.FewDigitDropout), error.ParamName);
    }

    [Fact]
    public void Few_Distinct_Digits_Train_Under_Their_Own_Key_And_Come_Back_From_The_Store()
    {
        using var temp = new TempDirectory();
        var store = RunStore.Open(temp.File("runs.db"));
        var setting = Tiny.Collapsing();
        var full = GanExperiment.Run(setting, Tiny, mnist.Data, store);
        var few = GanExperiment.Run(setting, Tiny.WithFewDistinctDigits(), mnist.Data, store);
        var again = GanExperiment.Run(setting, Tiny.WithFewDistinctDigits(), mnist.Data, store);

        Assert.False(full.FromCache);
        Assert.False(few.FromCache);   // same model and seed, other data: not the full set's run
        Assert.True(again.FromCache);
        Assert.Equal(full.Epochs.Count, few.Epochs.Count);
        Assert.Contains(store.List(), r => r.ConfigJson.Contains("repeating-first-10", StringComparison.Ordinal));
        var tooMany = Tiny with { DistinctTrainCount = 129 };
        Assert.Throws<ArgumentOutOfRangeException>("distinct", () => GanExperiment.Run(setting, tooMany, mnist.Data));
    }

    [Fact]
    public void Adding_A_Seed_Trains_Only_That_Seed()
    {
        using var temp = new TempDirectory();
        var store = RunStore.Open(temp.File("runs.db"));
        var settings = Tiny.Settings().Take(1).ToList();
        var one = GanExperiment.Run(settings, Tiny, [4], mnist.Data, store);
        var two = GanExperiment.Run(settings, Tiny, [4, 7], mnist.Data, store);

        Assert.False(Assert.Single(one).FromCache);
        Assert.Equal([4L, 7L], two.Select(g => g.Seed));
        Assert.Equal([true, false], two.Select(g => g.FromCache));
        using var scope = torch.NewDisposeScope();
        Assert.NotEqual(two[0].Samples(3, 0).data<float>().ToArray(), two[1].Samples(3, 0).data<float>().ToArray());   // another seed, another generator
    }

    [Fact]
    public void Changed_Sizes_Win_Over_The_Budget_And_Default_Sizes_Keep_It()
    {
        var defaults = GanExperimentOptions.Default;
        var quick = defaults.WithBudget(StudyBudget.Quick);
        var kept = quick.WithChangedSizes(defaults.TrainCount!.Value, defaults.Training.Epochs, defaults.SampleCount);
        var changed = quick.WithChangedSizes(1_000, 5, 300);

        Assert.Equal((quick.TrainCount, quick.Training.Epochs, quick.SampleCount), (kept.TrainCount, kept.Training.Epochs, kept.SampleCount));
        Assert.Equal((1_000, 5, 300), (changed.TrainCount!.Value, changed.Training.Epochs, changed.SampleCount));
    }

    [Fact]
    public void Diversity_Is_Measured_Per_Seed_On_Other_Test_Digits_Each_Gan_And_The_Extra_Sets()
    {
        var settings = Tiny.Settings();
        var gans = GanExperiment.Run(settings, Tiny, [0, 1], mnist.Data);
        using var scope = torch.NewDisposeScope();
        var images = torch.tensor(mnist.Data.Test.Pixels.ToArray(), [mnist.Data.Test.Count, 784]).narrow(0, 0, 100);
        var probe = new DigitClassifierProbe(
            x => x.narrow(1, 0, 780).reshape(x.shape[0], 10, 78).mean([2L]),   // "class" = the brightest of 10 pixel bands
            x => x.reshape(x.shape[0], 4, 196).mean([2L]));
        var measured = GanDiversity.Measure(gans, images, 40, probe, seed => [("constant", torch.full(40, 784, 0.5f * (seed + 1)))]);

        string[] names = [GanDiversity.OtherTestDigits, .. settings.Select(s => s.Name), "constant"];
        Assert.Equal([.. names, .. names], measured.Select(d => d.Name));
        Assert.Equal([0L, 0, 0, 0, 1, 1, 1, 1], measured.Select(d => d.Seed));
        Assert.Equal(measured[0].Report.Frechet, measured[4].Report.Frechet);   // the real digits do not depend on the seed
        Assert.Equal(1, measured[3].Report.Histogram.ClassesCovered);   // a constant image is one class
        var table = GanDiversity.TableOverSeeds(measured);
        Assert.Equal(names, table.Rows);
        Assert.Equal(0, table[GanDiversity.OtherTestDigits, GanDiversity.Frechet].StandardDeviation, 12);
        Assert.Equal(2, table[settings[0].Name, GanDiversity.Entropy].Count);
        Assert.Throws<ArgumentException>("testDigits", () => GanDiversity.SampleSets(gans, 0, images, 60));
        Assert.Throws<ArgumentException>("seed", () => GanDiversity.SampleSets(gans, 9, images, 40));
    }

    [Fact]
    public void The_Classifier_Probe_Gives_Its_Logits_And_Features()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(3);
        var classifier = new ConvClassifier(new ConvClassifierConfig());
        classifier.eval();
        var images = torch.tensor(mnist.Data.Test.Pixels.ToArray(), [mnist.Data.Test.Count, 784]).narrow(0, 0, 4);
        var probe = GanDiversity.Probe(classifier);

        using var noGrad = torch.no_grad();
        Assert.Equal(classifier.forward(images).data<float>().ToArray(), probe.Logits(images).data<float>().ToArray());
        Assert.Equal(classifier.Features(images).data<float>().ToArray(), probe.Features(images).data<float>().ToArray());
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
