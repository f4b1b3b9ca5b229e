using LatentWorkbench.Models.Vae;
using LatentWorkbench.Optim;
using LatentWorkbench.Tensors;
using LatentWorkbench.Tests.TestUtilities;
using LatentWorkbench.Training;

namespace LatentWorkbench.Tests.Training;

[Collection(MnistCollection.Name)]
public sealed class TrainerTests(MnistFixture mnist)
{
    private Tensor Subset(int count) => Tensor.Wrap(mnist.Data.Train.Take(count).Pixels, count, 784);

    private static Vae SmallVae(ulong seed) => new(new VaeConfig(784, 64, 8), new TensorRandom(seed));

    [Fact]
    public void Same_Seed_Twice_Gives_Bitwise_Identical_Weights_After_An_Epoch()
    {
        var data = Subset(1000);
        int[] Train(ulong seed)
        {
            var model = SmallVae(seed);
            new Trainer(new TrainerOptions { Epochs = 1, BatchSize = 128, Seed = seed }).Fit(model, new Adam(model.Parameters()), data);
            return [.. model.Parameters().SelectMany(p => p.ToArray()).Select(BitConverter.SingleToInt32Bits)];
        }

        var first = Train(0);
        Assert.Equal(first, Train(0));
        Assert.NotEqual(first, Train(1));
    }

    [Fact]
    public void Non_Finite_Loss_Stops_At_Once_Naming_The_Step_And_Keeps_The_Last_Checkpoint()
    {
        using var temp = new TempDirectory();
        string checkpoint = temp.File("vae.safetensors");
        var model = SmallVae(0);
        var saboteur = new Saboteur(model, checkpoint);
        var trainer = new Trainer(new TrainerOptions { Epochs = 3, BatchSize = 100, CheckpointPath = checkpoint }, saboteur);

        var error = Assert.Throws<NonFiniteTrainingException>(() => trainer.Fit(model, new Adam(model.Parameters()), Subset(500)));

        Assert.Equal(5 + 3, error.GlobalStep); // poisoned after step 2 of epoch 2: step 3 of epoch 2 is global step 8
        Assert.Equal("loss", error.TensorName);
        Assert.Contains("step 8", error.Message, StringComparison.Ordinal);
        Assert.Equal(saboteur.CheckpointAfterEpoch1, File.ReadAllBytes(checkpoint));
        Assert.Equal(saboteur.WeightsAfterEpoch1, SafeTensors.Load(checkpoint)["fc1.weight"].ToArray());
    }

    [Fact]
    public void Non_Finite_Gradient_Is_Reported_With_The_Parameter_Name()
    {
        var model = SmallVae(0);
        foreach (var p in model.Parameters())
        {
            LatentWorkbench.Ops.Functional.Sum(p).Backward();
        }

        model.NamedParameters().Single(p => p.Name == "fc22.bias").Tensor.Grad!.AsSpan()[3] = float.PositiveInfinity;
        var error = Assert.Throws<NonFiniteTrainingException>(() => NonFiniteGuard.ThrowIfAnyGradientNotFinite([.. model.NamedParameters()], 42, 2));
        Assert.Contains("gradient of 'fc22.bias'", error.Message, StringComparison.Ordinal);
        Assert.Contains("step 42", error.Message, StringComparison.Ordinal);
        Assert.Contains("element 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_Options_Name_The_Field()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Trainer(new TrainerOptions { BatchSize = 0 }));
        Assert.Equal("BatchSize", error.ParamName);
    }

    /// <summary>Records the checkpoint after epoch 1, then poisons a weight with NaN after step 2 of epoch 2.</summary>
    private sealed class Saboteur(Vae model, string checkpoint) : ITrainingCallback
    {
        public byte[] CheckpointAfterEpoch1 { get; private set; } = [];

        public float[] WeightsAfterEpoch1 { get; private set; } = [];

        public void OnStepEnd(in StepReport report)
        {
            if (report.Epoch == 2 && report.Step == 2)
            {
                model.NamedParameters().First(p => p.Name == "fc1.bias").Tensor.AsSpan()[0] = float.NaN;
            }
        }

        public void OnEpochEnd(EpochReport report)
        {
            if (report.Epoch == 1)
            {
                CheckpointAfterEpoch1 = File.ReadAllBytes(checkpoint);
                WeightsAfterEpoch1 = model.NamedParameters().First(p => p.Name == "fc1.weight").Tensor.ToArray();
            }
        }
    }
}
