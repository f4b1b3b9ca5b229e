using LatentWorkbench.Models.Vaes;
using TorchSharp;

namespace LatentWorkbench.Tests.Models;

/// <summary>
/// The contract every VAE of the workbench passes (STYLE.md §11): shapes, KL and reconstruction terms reported,
/// gradients reaching every parameter, a save/load round trip. A model family derives and says how to build one.
/// </summary>
public abstract class VariationalAutoencoderContract : TrainableModelContract<IVariationalAutoencoder>
{
    /// <inheritdoc/>
    protected override torch.Tensor Output(IVariationalAutoencoder model, torch.Tensor x) => model.Encode(x).Mean;

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
}
