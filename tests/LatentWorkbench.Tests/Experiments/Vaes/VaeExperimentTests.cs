using LatentWorkbench.Compute;
using LatentWorkbench.Models.Vaes;
using LatentWorkbench.Runs;
using LatentWorkbench.Tests.TestUtilities;
using LatentWorkbench.Training;
using LatentWorkbench.Experiments.Vaes;

namespace LatentWorkbench.Tests.Experiments.Vaes;

// Trains with a seed and compares a reloaded model's numbers with the trained one's: torch's global generator must be ours alone.
[Collection(LatentWorkbench.Tests.Models.GlobalTorchGeneratorCollection.Name)]
public sealed class VaeExperimentTests
{
    private static readonly MnistFixture Mnist = new();

    // A few hundred digits, one epoch, small networks: seconds on 2 cores.
    private static VaeExperimentOptions Tiny => VaeExperimentOptions.Default.WithLatentSize(2) with
    {
        Model = new VaeConfig(784, 16, 2),
        Conv = new ConvVaeConfig(FirstChannels: 4, SecondChannels: 8, LatentSize: 2),
        TrainCount = 256,
        TestCount = 64,
        Training = new TrainerOptions { Epochs = 1, BatchSize = 64 },
        Device = DeviceChoice.Cpu,
    };

    [Fact]
    public void A_Conv_Iwae_Trains_Through_The_Recipe_And_A_Rerun_Loads_It_From_The_Store()
    {
        using var temp = new TempDirectory();
        var store = RunStore.Open(temp.File("runs.db"));
        var options = Tiny with { Architecture = VaeArchitecture.Conv, Variant = new IwaeConfig(2) };

        var first = VaeExperiment.Run(options, Mnist.Data, store: store);
        var second = VaeExperiment.Run(options, Mnist.Data, store: store);

        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        Assert.Equal(first.RunId, second.RunId);
        var model = Assert.IsType<Iwae>(second.Model);
        Assert.IsType<ConvVae>(model.Network);
        Assert.Equal("conv-iwae", store.Get(first.RunId!.Value)!.Model);
        Assert.Equal([VaeLoss.Reconstruction, VaeLoss.Kl, IwaeLoss.WeightDivergence], first.Epochs[0].Terms.Keys);
        Assert.Equal(first.TestLossMean, second.TestLossMean, 4);
        Assert.Equal(first.TestSampled.Reconstruction + first.TestSampled.Kl, first.TestLossSampled, 6);
        Assert.InRange(first.TestLossSampled, 100, 700);
        Assert.Contains("reused run", second.Summary, StringComparison.Ordinal);
        Assert.Contains("trained 1 epochs", first.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Stored_Runs_Likelihood_Is_Cached_Beside_Its_Checkpoint_Per_Options()
    {
        using var temp = new TempDirectory();
        var store = RunStore.Open(temp.File("runs.db"));
        var trained = VaeExperiment.Run(Tiny, Mnist.Data, store: store);
        var options = VaeLikelihoodOptions.Default with { TestExamples = 12, SampleCounts = [1, 8] };

        var first = VaeLikelihood.Evaluate(trained, Mnist.Data.Test, options, store);
        var second = VaeLikelihood.Evaluate(trained, Mnist.Data.Test, options, store);
        var other = VaeLikelihood.Evaluate(trained, Mnist.Data.Test, options with { SampleCounts = [1, 16] }, store);
        var uncached = VaeLikelihood.Evaluate(trained, Mnist.Data.Test, options);

        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        Assert.False(other.FromCache);
        Assert.False(uncached.FromCache);
        Assert.Equal(first.Final.LogLikelihood.data<double>().ToArray(), second.Final.LogLikelihood.data<double>().ToArray());
        Assert.Equal(first.Curve.Select(e => e.Samples), second.Curve.Select(e => e.Samples));
        Assert.Equal(first.NegativeElbo, second.NegativeElbo, 12);
        Assert.Equal(first.Final.LogLikelihood.data<double>().ToArray(), uncached.Final.LogLikelihood.data<double>().ToArray());   // same seed, same draws
        Assert.Equal(2, Directory.GetFiles(Path.GetDirectoryName(store.Get(trained.RunId!.Value)!.CheckpointPath)!, "*.likelihood-*.json").Length);
    }

    [Fact]
    public void Another_Objective_Or_Subset_Is_Another_Run_And_The_Seed_Family_Stays_Under_Vae()
    {
        using var temp = new TempDirectory();
        var store = RunStore.Open(temp.File("runs.db"));
        var plain = VaeExperiment.Run(Tiny, Mnist.Data, store: store);
        var beta = VaeExperiment.Run(Tiny with { Variant = new BetaVaeConfig(4) }, Mnist.Data, store: store);
        var moreData = VaeExperiment.Run(Tiny with { TrainCount = 320 }, Mnist.Data, store: store);

        Assert.False(beta.FromCache);
        Assert.False(moreData.FromCache);
        Assert.Equal(["vae", "beta-vae", "vae"], new[] { plain, beta, moreData }.Select(r => store.Get(r.RunId!.Value)!.Model));
        Assert.IsType<Vae>(plain.Model);
        Assert.IsType<BetaVae>(beta.Model);
        // β = 4 prices the code four times higher: the encoder sends fewer nats.
        Assert.True(beta.TestSampled.Kl < plain.TestSampled.Kl, $"KL β=4 {beta.TestSampled.Kl:F2} vs β=1 {plain.TestSampled.Kl:F2}");
    }

    [Fact]
    public void A_Network_That_Does_Not_Take_Mnist_Images_Is_Refused_Naming_The_Sizes()
    {
        var e = Assert.Throws<ArgumentException>(() => VaeExperiment.Run(Tiny with { Model = new VaeConfig(100, 16, 2) }, Mnist.Data));
        Assert.Contains("100", e.Message, StringComparison.Ordinal);
        Assert.Contains("784", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Live_Progress_Appears_With_The_First_Step_So_A_Cached_Run_Shows_None()
    {
        var shown = new List<TrainingStatus>();
        var progress = VaeExperiment.LiveProgress(Tiny, shown.Add);
        progress.OnEpochEnd(new EpochReport(1, 0.1, 1.0, new Dictionary<string, double>()));
        Assert.Empty(shown);

        progress.OnStepEnd(new StepReport(1, 1, 4, 1));
        progress.OnEpochEnd(new EpochReport(1, 0.1, 1.0, new Dictionary<string, double>()));
        Assert.Equal(Tiny.Title, shown[0].Title);
        Assert.True(shown[^1].Finished);
        Assert.Single(shown[^1].History);
    }
}
