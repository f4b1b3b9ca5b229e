using LatentWorkbench.Compute;
using LatentWorkbench.Models.Autoencoders;
using LatentWorkbench.Tests.TestUtilities;
using LatentWorkbench.Training;
using TorchSharp;

namespace LatentWorkbench.Tests.Models;

/// <summary>
/// The contract every autoencoder of the workbench passes (STYLE.md §11), as <see cref="VariationalAutoencoderContract"/>
/// for VAEs: shapes, the loss on a hand-computed input, gradients reaching every parameter, a save/load round trip.
/// </summary>
public abstract class AutoencoderContract
{
    protected const int Batch = 5;

    protected AutoencoderContract() => TorchRuntime.EnsureInitialized();

    /// <summary>A fresh model, initialised from <c>torch.manual_seed(seed)</c>.</summary>
    protected abstract IAutoencoder Create(long seed);

    /// <summary>Input size of the models <see cref="Create"/> builds.</summary>
    protected abstract int InputSize { get; }

    /// <summary>Inputs in [0, 1], [Batch, input].</summary>
    protected torch.Tensor Inputs(long seed)
    {
        using var generator = new torch.Generator((ulong)seed);
        return torch.rand([Batch, InputSize], generator: generator);
    }

    [Fact]
    public void Encode_Decode_And_Reconstruct_Have_The_Documented_Shapes()
    {
        var model = Create(0);
        using var scope = torch.NewDisposeScope();
        var code = model.Encode(Inputs(1));
        Assert.Equal([Batch, model.CodeSize], code.shape);
        Assert.Equal([Batch, InputSize], model.DecodePreActivation(code).shape);
        var decoded = model.Decode(code);
        Assert.Equal([Batch, InputSize], decoded.shape);
        Assert.Equal([Batch, InputSize], model.Reconstruct(Inputs(1)).shape);
        if (model.Output == OutputActivation.Sigmoid)
        {
            Assert.True(decoded.min().item<float>() >= 0 && decoded.max().item<float>() <= 1);
        }
    }

    [Fact]
    public void Loss_Is_The_Reconstruction_Term_Computed_From_The_Reconstruction()
    {
        // Eval mode: a denoising variant does not corrupt, so the loss is a function of Reconstruct(x) and x alone.
        var model = Create(0);
        model.Module.eval();
        using var scope = torch.NewDisposeScope();
        var x = Inputs(2);
        var loss = model.Loss(x);
        var term = Assert.Single(loss.Terms);
        Assert.Equal(AutoencoderLoss.Reconstruction, term.Key);
        Assert.Equal(loss.Total.item<float>(), term.Value.item<float>());

        var xHat = model.Reconstruct(x).to_type(torch.float64);
        var x64 = x.to_type(torch.float64);
        double expected = model.LossKind == ReconstructionLoss.SquaredError
            ? (x64 - xHat).pow(2).sum().item<double>()
            : -((x64 * xHat.log()) + ((1 - x64) * (1 - xHat).log())).sum().item<double>();
        Assert.Equal(expected, loss.Total.item<float>(), expected * 1e-4);
    }

    [Fact]
    public void Gradients_Reach_Every_Parameter()
    {
        var model = Create(0);
        model.Module.train();
        using var scope = torch.NewDisposeScope();
        model.Module.zero_grad();
        model.Loss(Inputs(3)).Total.backward();
        foreach (var (name, parameter) in model.Module.named_parameters())
        {
            Assert.True(parameter.grad is not null, $"{name} got no gradient");
            Assert.True(parameter.grad!.abs().sum().item<float>() > 0, $"{name}'s gradient is zero");
        }
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

        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var x = Inputs(4);
        Assert.True(trained.Reconstruct(x).allclose(fresh.Reconstruct(x), rtol: 0, atol: 0));
    }
}
