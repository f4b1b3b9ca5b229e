using LatentWorkbench.Models.Autoencoders;
using TorchSharp;

namespace LatentWorkbench.Tests.Models;

/// <summary>
/// The contract every autoencoder of the workbench passes (STYLE.md §11), as <see cref="VariationalAutoencoderContract"/>
/// for VAEs: shapes, the loss on a hand-computed input, gradients reaching every parameter, a save/load round trip.
/// </summary>
public abstract class AutoencoderContract : TrainableModelContract<IAutoencoder>
{
    /// <inheritdoc/>
    protected override torch.Tensor Output(IAutoencoder model, torch.Tensor x) => model.Reconstruct(x);

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
}
