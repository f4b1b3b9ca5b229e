using LatentWorkbench.Compute;
using LatentWorkbench.Models;
using LatentWorkbench.Models.Vaes;
using LatentWorkbench.Tests.TestUtilities;
using LatentWorkbench.Training;
using TorchSharp;

namespace LatentWorkbench.Tests.Training;

// Same-seed runs compare exact numbers drawn from torch's global generator: run alone.
[Collection(LatentWorkbench.Tests.Models.GlobalTorchGeneratorCollection.Name)]
public sealed class TrainerTests
{
    private static readonly VaeConfig Small = new(InputSize: 16, HiddenSize: 8, LatentSize: 2);

    public TrainerTests() => TorchRuntime.EnsureInitialized();

    private static torch.Tensor Data(int n = 300)
    {
        using var generator = new torch.Generator(11);
        // Two blobs of pixel patterns, so there is structure to learn.
        var basis = torch.rand([2, Small.InputSize], generator: generator);
        var which = torch.randint(0, 2, [n], generator: generator);
        return (basis.index_select(0, which) * 0.8 + torch.rand([n, Small.InputSize], generator: generator) * 0.2).clamp(0, 1);
    }

    private static (Vae Model, IReadOnlyList<EpochReport> History) Train(TrainerOptions options, long seed, torch.Tensor data, params ITrainingCallback[] callbacks)
    {
        torch.manual_seed(seed);
        var model = new Vae(Small);
        using var optimizer = new OptimizerOptions { LearningRate = 1e-2 }.Create(model.parameters());
        return (model, new Trainer(options, callbacks).Fit(model, optimizer, data));
    }

    [Fact]
    public void Same_Seed_Gives_The_Same_Losses_And_Weights()
    {
        using var data = Data();
        var options = new TrainerOptions { Epochs = 3, BatchSize = 32 };
        var (a, historyA) = Train(options, 3, data);
        var (b, historyB) = Train(options, 3, data);
        Assert.Equal(historyA.Select(h => h.TrainLoss), historyB.Select(h => h.TrainLoss));
        Assert.Equal(historyA.Select(h => h.Terms[VaeLoss.Kl]), historyB.Select(h => h.Terms[VaeLoss.Kl]));
        Assert.True(a.get_parameter("fc4.weight")!.allclose(b.get_parameter("fc4.weight")!, rtol: 0, atol: 0));
        var (_, other) = Train(options, 4, data);
        Assert.NotEqual(historyA[^1].TrainLoss, other[^1].TrainLoss);
    }

    [Fact]
    public void Training_Lowers_The_Loss_And_Reports_Terms_Per_Example()
    {
        using var data = Data();
        var (_, history) = Train(new TrainerOptions { Epochs = 6, BatchSize = 32 }, 0, data);
        Assert.True(history[^1].TrainLoss < history[0].TrainLoss * 0.95, $"{history[0].TrainLoss} -> {history[^1].TrainLoss}");
        Assert.All(history, h => Assert.Equal(h.TrainLoss, h.Terms[VaeLoss.Reconstruction] + h.Terms[VaeLoss.Kl], 2));
        Assert.True(history[0].TrainLoss < Small.InputSize * 1.0, "per-example, not per-batch");
    }

    [Fact]
    public void Steps_Cover_The_Data_With_A_Smaller_Last_Batch()
    {
        using var data = Data(100);
        var steps = new StepCounter();
        Train(new TrainerOptions { Epochs = 2, BatchSize = 32 }, 0, data, steps);
        Assert.Equal(8, steps.Reports.Count);
        Assert.All(steps.Reports, r => Assert.Equal(4, r.StepsPerEpoch));
        Assert.Equal(Enumerable.Range(1, 8).Select(i => (long)i), steps.Reports.Select(r => r.GlobalStep));
    }

    [Fact]
    public void A_NaN_Loss_Names_The_Step_And_Keeps_The_Last_Good_Checkpoint()
    {
        using var temp = new TempDirectory();
        using var data = Data(64);
        string checkpoint = temp.File("vae.pt");
        torch.manual_seed(0);
        var model = new PoisonedAfter(new Vae(Small), globalStep: 6);
        using var optimizer = new OptimizerOptions().Create(model.Module.parameters());
        var trainer = new Trainer(new TrainerOptions { Epochs = 3, BatchSize = 16, CheckpointPath = checkpoint });

        var e = Assert.Throws<NonFiniteTrainingException>(() => trainer.Fit(model, optimizer, data));

        Assert.Equal((2, 2), (e.Epoch, e.Step));
        Assert.Equal(checkpoint, e.LastGoodCheckpoint);
        Assert.Contains("epoch 2, step 2", e.Message, StringComparison.Ordinal);
        var restored = new Vae(Small);
        Checkpoint.Load(restored, checkpoint);
        Assert.All(restored.parameters(), p => Assert.True(p.isfinite().all().item<bool>()));
        Assert.All(model.Inner.parameters(), p => Assert.True(p.isfinite().all().item<bool>(), "the poisoned step must not be applied"));
    }

    [Fact]
    public void Early_Stopping_Ends_The_Run_When_The_Loss_Stalls()
    {
        using var data = Data(64);
        var stop = new EarlyStopping(patience: 1, minDelta: 1e9);
        var (_, history) = Train(new TrainerOptions { Epochs = 10, BatchSize = 16 }, 0, data, stop);
        Assert.Equal(2, history.Count);
        Assert.Equal(2, stop.StoppedAfter);
    }

    [Fact]
    public void Cancelling_Stops_Between_Steps_And_Leaves_The_Checkpoint_Whole()
    {
        using var temp = new TempDirectory();
        using var data = Data(64);
        string checkpoint = temp.File("vae.pt");
        using var cancel = new CancellationTokenSource();
        torch.manual_seed(0);
        var model = new Vae(Small);
        using var optimizer = new OptimizerOptions().Create(model.parameters());
        var trainer = new Trainer(new TrainerOptions { Epochs = 5, BatchSize = 16, CheckpointPath = checkpoint }, new CancelAt(cancel, epoch: 2));
        Assert.ThrowsAny<OperationCanceledException>(() => trainer.Fit(model, optimizer, data, cancel.Token));
        Checkpoint.Load(new Vae(Small), checkpoint);
        Assert.Empty(Directory.GetFiles(temp.Path, "*.tmp"));
    }

    [Fact]
    public void Gradient_Clipping_Bounds_The_Update()
    {
        using var data = Data(32);
        torch.manual_seed(0);
        var model = new Vae(Small);
        var before = model.parameters().Select(p => p.detach().clone()).ToList();
        using var optimizer = new OptimizerOptions { Kind = OptimizerKind.Sgd, LearningRate = 1.0 }.Create(model.parameters());
        new Trainer(new TrainerOptions { Epochs = 1, BatchSize = 32, MaxGradNorm = 1e-3 }).Fit(model, optimizer, data);
        double squared = model.parameters().Zip(before, (p, b) => (p - b).pow(2).sum().item<float>()).Sum();
        Assert.InRange(Math.Sqrt(squared), 1e-6, 1.001e-3);
    }

    [Fact]
    public void Invalid_Options_Name_The_Field()
    {
        Assert.Equal("BatchSize", Assert.Throws<ArgumentOutOfRangeException>(() => new Trainer(new TrainerOptions { BatchSize = 0 })).ParamName);
        Assert.Equal("MaxGradNorm", Assert.Throws<ArgumentOutOfRangeException>(() => new Trainer(new TrainerOptions { MaxGradNorm = -1 })).ParamName);
        Assert.Equal("LearningRate", Assert.Throws<ArgumentOutOfRangeException>(() => new OptimizerOptions { LearningRate = double.NaN }.Validate()).ParamName);
    }

    private sealed class StepCounter : ITrainingCallback
    {
        public List<StepReport> Reports { get; } = [];

        public void OnStepEnd(in StepReport report) => Reports.Add(report);
    }

    private sealed class CancelAt(CancellationTokenSource source, int epoch) : ITrainingCallback
    {
        public void OnStepEnd(in StepReport report)
        {
            if (report.Epoch == epoch && report.Step == 2)
            {
                source.Cancel();
            }
        }
    }

    /// <summary>A VAE whose loss turns NaN from a given global step on.</summary>
    private sealed class PoisonedAfter(Vae inner, int globalStep) : ITrainableModel
    {
        private int _calls;

        public Vae Inner => inner;

        public torch.nn.Module Module => inner;

        public ModelLoss Loss(torch.Tensor batch)
        {
            var loss = inner.Loss(batch);
            return ++_calls < globalStep ? loss : loss with { Total = loss.Total * float.NaN };
        }
    }
}
