using LatentWorkbench.Compute;
using LatentWorkbench.Models.Vaes;
using LatentWorkbench.Tests.TestUtilities;
using LatentWorkbench.Training;
using TorchSharp;

namespace LatentWorkbench.Tests.Models;

/// <summary>
/// The contract every VAE of the workbench passes (STYLE.md §11): shapes, KL and reconstruction terms reported,
/// gradients reaching every parameter, a save/load round trip. A model family derives and says how to build one.
/// </summary>
public abstract class VariationalAutoencoderContract
{
    protected const int Batch = 5;

    protected VariationalAutoencoderContract() => TorchRuntime.EnsureInitialized();

    /// <summary>A fresh model, initialised from <c>torch.manual_seed(seed)</c>.</summary>
    protected abstract IVariationalAutoencoder Create(long seed);

    /// <summary>Input size of the models <see cref="Create"/> builds.</summary>
    protected abstract int InputSize { get; }

    private torch.Tensor Inputs(long seed)
    {
        using var generator = new torch.Generator((ulong)seed);
        return torch.rand([Batch, InputSize], generator: generator);
    }

    [Fact]
    public void Encode_And_Decode_Have_The_Documented_Shapes()
    {
        var model = Create(0);
        using var scope = torch.NewDisposeScope();
        var posterior = model.Encode(Inputs(1));
        Assert.Equal([Batch, model.LatentSize], posterior.Mean.shape);
        Assert.Equal([Batch, model.LatentSize], posterior.LogVariance.shape);
        var decoded = model.Decode(posterior.Mean);
        Assert.Equal([Batch, InputSize], decoded.shape);
        Assert.True(decoded.min().item<float>() >= 0 && decoded.max().item<float>() <= 1);
    }

    [Fact]
    public void Loss_Reports_Reconstruction_And_Kl_Which_Make_Up_The_Total()
    {
        var model = Create(0);
        using var scope = torch.NewDisposeScope();
        var loss = model.Loss(Inputs(2));
        var terms = loss.Terms.ToDictionary(t => t.Key, t => (double)t.Value.item<float>());
        AssertTermsMakeUpTheTotal(terms, loss.Total.item<float>());
    }

    /// <summary>The ELBO's terms: reconstruction and a non-negative KL adding up to the total. A variant whose loss
    /// weighs or adds terms (β-VAE, IWAE) overrides this with its own identity.</summary>
    protected virtual void AssertTermsMakeUpTheTotal(IReadOnlyDictionary<string, double> terms, double total)
    {
        Assert.Equal([VaeLoss.Reconstruction, VaeLoss.Kl], terms.Keys);
        Assert.True(terms[VaeLoss.Kl] >= 0);
        Assert.Equal(terms[VaeLoss.Reconstruction] + terms[VaeLoss.Kl], total, 2);
    }

    [Fact]
    public void Gradients_Reach_Every_Parameter()
    {
        var model = Create(0);
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
        Assert.True(trained.Encode(x).Mean.allclose(fresh.Encode(x).Mean, rtol: 0, atol: 0));
    }
}
