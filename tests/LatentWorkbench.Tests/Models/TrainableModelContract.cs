using LatentWorkbench.Compute;
using LatentWorkbench.Models;
using LatentWorkbench.Tests.TestUtilities;
using LatentWorkbench.Training;
using TorchSharp;

namespace LatentWorkbench.Tests.Models;

/// <summary>
/// What every trainable model passes (STYLE.md §11): gradients reach every parameter and the weights survive a
/// checkpoint round trip with the same outputs. <see cref="AutoencoderContract"/> and
/// <see cref="VariationalAutoencoderContract"/> add their family's shapes and loss terms.
/// </summary>
public abstract class TrainableModelContract<TModel>
    where TModel : ITrainableModel
{
    protected const int Batch = 5;

    protected TrainableModelContract() => TorchRuntime.EnsureInitialized();

    /// <summary>A fresh model, initialised from <c>torch.manual_seed(seed)</c>.</summary>
    protected abstract TModel Create(long seed);

    /// <summary>Input size of the models <see cref="Create"/> builds.</summary>
    protected abstract int InputSize { get; }

    /// <summary>What must be equal after a round trip (the encoding, the reconstruction) for input <paramref name="x"/>.</summary>
    protected abstract torch.Tensor Output(TModel model, torch.Tensor x);

    /// <summary>Inputs in [0, 1], [Batch, input], from a local generator.</summary>
    protected torch.Tensor Inputs(long seed)
    {
        using var generator = new torch.Generator((ulong)seed);
        return torch.rand([Batch, InputSize], generator: generator);
    }

    [Fact]
    public void Gradients_Reach_Every_Parameter()
    {
        var model = Create(0);
        GradientAssertions.ReachEveryParameter(model.Module, () => model.Loss(Inputs(3)).Total);
    }

    [Fact]
    public void Weights_Survive_A_Checkpoint_Round_Trip()
    {
        using var temp = new TempDirectory();
        var trained = Create(0);
        var fresh = Create(99);
        string path = temp.File("model.pt");
        Checkpoint.Save(trained.Module, path);
        Checkpoint.Load(fresh.Module, path);

        var expected = trained.Module.state_dict();
        foreach (var (name, tensor) in fresh.Module.state_dict())
        {
            Assert.True(tensor.allclose(expected[name], rtol: 0, atol: 0), $"{name} differs after loading");
        }

        trained.Module.eval();
        fresh.Module.eval();
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var x = Inputs(4);
        Assert.True(Output(trained, x).allclose(Output(fresh, x), rtol: 0, atol: 0));
    }
}
