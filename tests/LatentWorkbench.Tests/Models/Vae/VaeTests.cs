using LatentWorkbench.Autograd;
using LatentWorkbench.Models.Vae;
using LatentWorkbench.Ops;
using LatentWorkbench.Optim;
using LatentWorkbench.Tensors;
using LatentWorkbench.Tests.TestUtilities;
using LatentWorkbench.Training;

namespace LatentWorkbench.Tests.Models.Vae;

[Collection(MnistCollection.Name)]
public sealed class VaeTests(MnistFixture mnist)
{
    [Fact]
    public void Loss_Falls_When_Training_On_A_Small_Batch()
    {
        var data = Tensor.Wrap(mnist.Data.Train.Take(512).Pixels, 512, 784);
        var model = new LatentWorkbench.Models.Vae.Vae(new VaeConfig(784, 128, 10), new TensorRandom(0));
        double before = Trainer.Evaluate(model, data, 128, null);
        var history = new Trainer(new TrainerOptions { Epochs = 5, BatchSize = 64 }).Fit(model, new Adam(model.Parameters()), data);
        double after = Trainer.Evaluate(model, data, 128, null);
        Assert.True(after < 0.6 * before, $"loss per sample {before:F1} → {after:F1}");
        Assert.True(history[^1].TrainLoss < history[0].TrainLoss);
    }

    [Fact]
    public void State_Dict_Uses_The_PyTorch_Example_Names_And_Shapes()
    {
        var model = new LatentWorkbench.Models.Vae.Vae(new VaeConfig(), new TensorRandom(0));
        var state = model.StateDict();
        Assert.Equal(["fc1.weight", "fc1.bias", "fc21.weight", "fc21.bias", "fc22.weight", "fc22.bias", "fc3.weight", "fc3.bias", "fc4.weight", "fc4.bias"], state.Keys);
        Assert.Equal([400, 784], state["fc1.weight"].Shape);
        Assert.Equal([784, 400], state["fc4.weight"].Shape);
    }

    [Fact]
    public void Reconstruct_Gives_Probabilities_Of_The_Input_Shape()
    {
        var model = new LatentWorkbench.Models.Vae.Vae(new VaeConfig(), new TensorRandom(0));
        using var noGrad = GradMode.NoGrad();
        var x = Tensor.Wrap(mnist.Data.Test.Take(8).Pixels, 8, 784);
        var reconstruction = model.Reconstruct(x);
        Assert.Equal([8, 784], reconstruction.Shape);
        Assert.All(reconstruction.ToArray(), p => Assert.InRange(p, 0f, 1f));
        Assert.Equal([8, 20], model.Encode(x).Shape);
    }

    [Fact]
    public void Bce_On_Logits_Equals_Bce_On_Sigmoid_Probabilities()
    {
        var model = new LatentWorkbench.Models.Vae.Vae(new VaeConfig(), new TensorRandom(0));
        using var noGrad = GradMode.NoGrad();
        var x = Tensor.Wrap(mnist.Data.Test.Take(64).Pixels, 64, 784);
        var logits = model.DecodeLogits(model.Encode(x));
        float stable = Functional.BinaryCrossEntropyWithLogits(logits, x, LossReduction.Sum).Item();
        float direct = Functional.BinaryCrossEntropy(Functional.Sigmoid(logits), x, LossReduction.Sum).Item();
        Assert.Equal(direct, stable, direct * 1e-5f);
    }
}
