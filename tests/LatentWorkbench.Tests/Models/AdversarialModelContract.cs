using LatentWorkbench.Compute;
using LatentWorkbench.Models;
using LatentWorkbench.Tests.TestUtilities;
using LatentWorkbench.Training;
using TorchSharp;

namespace LatentWorkbench.Tests.Models;

/// <summary>
/// What every adversarial model passes (STYLE.md §11, as <see cref="TrainableModelContract{TModel}"/> for the others):
/// generated examples have the data's shape, each loss reaches every parameter of the network it trains and none of the
/// other's, and the weights survive a checkpoint round trip with the same generated examples.
/// </summary>
public abstract class AdversarialModelContract<TModel>
    where TModel : IAdversarialModel
{
    protected const int Batch = 6;

    protected AdversarialModelContract() => TorchRuntime.EnsureInitialized();

    /// <summary>A fresh model, initialised from <c>torch.manual_seed(seed)</c>.</summary>
    protected abstract TModel Create(long seed);

    /// <summary>Input size (pixels per example) of the models <see cref="Create"/> builds.</summary>
    protected abstract int InputSize { get; }

    /// <summary><paramref name="count"/> generated examples, [count, input], with noise from <paramref name="noise"/>.</summary>
    protected abstract torch.Tensor Generate(TModel model, long count, torch.Generator noise);

    /// <summary>Real examples in [0, 1], [Batch, input], from a local generator.</summary>
    protected torch.Tensor Inputs(long seed)
    {
        using var generator = new torch.Generator((ulong)seed);
        return torch.rand([Batch, InputSize], generator: generator);
    }

    [Fact]
    public void Generated_Examples_Have_The_Datas_Shape()
    {
        var model = Create(0);
        using var scope = torch.NewDisposeScope();
        using var noise = new torch.Generator(1);
        Assert.Equal([Batch, InputSize], Generate(model, Batch, noise).shape);
    }

    [Fact]
    public void The_Discriminator_Loss_Reaches_Every_Discriminator_Parameter_And_No_Generator_Parameter()
    {
        var model = Create(0);
        model.Generator.zero_grad();
        GradientAssertions.ReachEveryParameter(model.Discriminator, () => model.DiscriminatorLoss(Inputs(3)).Total);
        Assert.All(model.Generator.named_parameters(), p => Assert.True(p.parameter.grad is null || p.parameter.grad.abs().sum().item<float>() == 0, $"{p.name} got a gradient"));
    }

    [Fact]
    public void The_Generator_Loss_Reaches_Every_Generator_Parameter()
    {
        var model = Create(0);
        GradientAssertions.ReachEveryParameter(model.Generator, () => model.GeneratorLoss(Batch).Total);
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
        using var first = new torch.Generator(4);
        using var second = new torch.Generator(4);
        Assert.True(Generate(trained, Batch, first).allclose(Generate(fresh, Batch, second), rtol: 0, atol: 0));
    }
}
