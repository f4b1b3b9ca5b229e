using LatentWorkbench.Compute;
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
    public void A_Probe_Larger_Than_The_Test_Split_Is_Rejected_Naming_Both()
    {
        var error = Assert.Throws<ArgumentException>("options", () => CollapseExperiment.Run(Tiny.BetaSweep()[0], Tiny with { ProbeCount = 20_000 }, mnist.Data));
        Assert.Contains("ProbeCount (20000)", error.Message);
    }
}
