using LatentWorkbench.Compute;
using LatentWorkbench.Experiments;
using LatentWorkbench.Metrics.Collapse;
using LatentWorkbench.Metrics.Likelihood;
using LatentWorkbench.Models.Vaes;
using LatentWorkbench.Runs;
using LatentWorkbench.Tests.TestUtilities;
using LatentWorkbench.Training;
using LatentWorkbench.Experiments.Collapse;

namespace LatentWorkbench.Tests.Experiments.Collapse;

[Collection(MnistCollection.Name)]
public sealed class CollapseExperimentTests(MnistFixture mnist)
{
    private static readonly CollapseExperimentOptions Tiny = new()
    {
        MlpModel = new VaeConfig(HiddenSize: 32, LatentSize: 4),
        AutoregressiveModel = new AutoregressiveVaeConfig(EncoderHiddenSize: 32, LatentSize: 4, DecoderHiddenSize: 16),
        TrainCount = 200,
        Training = new TrainerOptions { Epochs = 2, BatchSize = 100 },
        ProbeCount = 50,
        NllCount = 10,
        Nll = new ImportanceSamplingOptions { Samples = 5, SampleBatch = 5 },
        Device = DeviceChoice.Cpu,
    };

    [Fact]
    public void A_Setting_Reports_Curves_Per_Epoch_And_The_Final_Measures_Also_From_The_Cache()
    {
        using var temp = new TempDirectory();
        var store = RunStore.Open(temp.File("runs.db"));
        var setting = Tiny.Remedies()[3];   // free bits on the autoregressive VAE
        var first = CollapseExperiment.Run(setting, Tiny, mnist.Data, store);
        var second = CollapseExperiment.Run(setting, Tiny, mnist.Data, store);

        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        Assert.Equal(2, first.Curve(CollapseMonitor.ActiveUnits).Count);
        Assert.Equal(first.Curve(CollapseMonitor.MutualInformation), second.Curve(CollapseMonitor.MutualInformation));
        Assert.Equal(first.Collapse.ActiveUnits, first.Curve(CollapseMonitor.ActiveUnits)[^1]);
        Assert.Equal(first.NegativeLogLikelihood, second.NegativeLogLikelihood, 6);
        Assert.True(first.NegativeLogLikelihood > 0 && double.IsFinite(first.NegativeLogLikelihood));
        Assert.IsType<AutoregressiveVae>(first.Model.Network);
    }

    [Fact]
    public void The_Remedies_And_The_Sweep_Are_Laid_Out_In_Steps_Of_This_Run()
    {
        var remedies = Tiny.Remedies();
        Assert.All(remedies, s => Assert.Equal(CollapseDecoder.Autoregressive, s.Decoder));
        Assert.Equal(KlRegularization.None, remedies[0].Regularization);
        long total = Tiny.StepsPerEpoch * Tiny.Training.Epochs;   // 2 steps × 2 epochs
        Assert.Equal(total / 2, remedies[1].Regularization.EffectiveSchedule.RampSteps);
        Assert.Equal(KlScheduleKind.Cyclical, remedies[2].Regularization.EffectiveSchedule.Kind);
        Assert.Equal(Tiny.FreeBits, remedies[3].Regularization.FreeBits);
        Assert.Equal(Tiny.SmallBeta, remedies[4].Regularization.EffectiveSchedule.MaxWeight);
        Assert.Equal(Tiny.Betas, Tiny.BetaSweep().Select(s => s.Regularization.EffectiveSchedule.MaxWeight));
    }

    [Fact]
    public void Adding_A_Seed_Trains_Only_That_Seed_And_The_Table_Spreads_Over_The_Seeds()
    {
        using var temp = new TempDirectory();
        var store = RunStore.Open(temp.File("runs.db"));
        var settings = Tiny.BetaSweep().Take(2).ToList();
        var two = CollapseExperiment.Run(settings, Tiny, [0, 1], mnist.Data, store);
        var three = CollapseExperiment.Run(settings, Tiny, [0, 1, 2], mnist.Data, store);

        Assert.Equal([0L, 0, 1, 1], two.Select(r => r.Seed));   // seed-major
        Assert.All(two, r => Assert.False(r.FromCache));
        Assert.Equal([true, true, true, true, false, false], three.Select(r => r.FromCache));
        Assert.NotEqual(two[0].Kl, two[2].Kl);   // another seed is another model
        var table = CollapseFigures.TableOverSeeds(three);
        Assert.Equal(settings.Select(s => s.Name), table.Rows);
        var kl = table[settings[0].Name, CollapseFigures.Kl];
        Assert.Equal(3, kl.Count);
        Assert.Equal(three.Where(r => r.Setting == settings[0]).Average(r => r.Kl), kl.Mean, 12);
        Assert.True(kl.StandardDeviation > 0);
    }

    [Theory]
    [InlineData(new int[0], "At least one seed")]
    [InlineData(new[] { 3, 3 }, "once")]
    public void An_Empty_Or_Repeated_Seed_List_Is_Rejected_Before_Anything_Trains(int[] seeds, string message)
    {
        var error = Assert.Throws<ArgumentException>("seeds", () => CollapseExperiment.Run(Tiny.Remedies(), Tiny, seeds, mnist.Data));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void The_Sweep_Result_Nearest_The_Elbo_Is_The_One_With_Beta_Nearest_One_Of_That_Seed()
    {
        var options = Tiny with { Betas = [0.1, 0.8, 4] };
        var sweep = CollapseExperiment.Run(options.BetaSweep(), options, [5], mnist.Data);
        Assert.Equal(0.8, CollapseExperiment.NearestElbo(sweep, 5).Setting.Regularization.EffectiveSchedule.MaxWeight);
        Assert.Throws<ArgumentException>("sweep", () => CollapseExperiment.NearestElbo(sweep, 6));
    }

    [Fact]
    public void The_Warmup_Lasts_Its_Share_Of_Training_And_Half_By_Default()
    {
        long total = Tiny.StepsPerEpoch * Tiny.Training.Epochs;
        var longer = Tiny with { Training = Tiny.Training with { Epochs = 10 } };   // 20 steps
        Assert.Equal(total / 2, Tiny.Remedies()[1].Regularization.EffectiveSchedule.RampSteps);
        Assert.Equal(5, (longer with { WarmupFraction = 0.25 }).Remedies()[1].Regularization.EffectiveSchedule.RampSteps);
        Assert.Equal(3, (longer with { Cycles = 3 }).Remedies()[2].Regularization.EffectiveSchedule.Cycles);
        Assert.Equal("WarmupFraction", Assert.Throws<ArgumentOutOfRangeException>(() => (Tiny with { WarmupFraction = 0 }).Validate()).ParamName);
        Assert.Equal("Betas", Assert.Throws<ArgumentException>(() => (Tiny with { Betas = [] }).Validate()).ParamName);
    }

    [Fact]
    public void Changed_Sizes_Win_Over_The_Budget_And_Default_Sizes_Keep_It()
    {
        var defaults = CollapseExperimentOptions.Default;
        var quick = defaults.WithBudget(StudyBudget.Quick);
        var kept = quick.WithChangedSizes(defaults.TrainCount!.Value, defaults.Training.Epochs);
        var changed = quick.WithChangedSizes(1_234, 3);

        Assert.Equal((quick.TrainCount, quick.Training.Epochs), (kept.TrainCount, kept.Training.Epochs));
        Assert.Equal((1_234, 3), (changed.TrainCount!.Value, changed.Training.Epochs));
        Assert.Equal(defaults, defaults.WithChangedSizes(defaults.TrainCount.Value, defaults.Training.Epochs));
    }

    [Fact]
    public void A_Probe_Larger_Than_The_Test_Split_Is_Rejected_Naming_Both()
    {
        var error = Assert.Throws<ArgumentException>("options", () => CollapseExperiment.Run(Tiny.BetaSweep()[0], Tiny with { ProbeCount = 20_000 }, mnist.Data));
        Assert.Contains("ProbeCount (20000)", error.Message);
    }
}
