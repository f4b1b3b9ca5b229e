using LatentWorkbench.Models.Vaes;
using TorchSharp;

namespace LatentWorkbench.Tests.Models.Vaes;

public sealed class ConvVaeTests : VariationalAutoencoderContract
{
    private static readonly ConvVaeConfig Small = new(ImageSide: 8, FirstChannels: 8, SecondChannels: 8, LatentSize: 2);

    protected override int InputSize => Small.InputSize;

    protected override IVariationalAutoencoder Create(long seed)
    {
        torch.manual_seed(seed);
        return new ConvVae(Small);
    }

    [Fact]
    public void Parameter_Names_Are_PyTorchs()
    {
        Assert.Equal(
            ["encoder.0.weight", "encoder.0.bias", "encoder.2.weight", "encoder.2.bias", "fc_mu.weight", "fc_mu.bias",
             "fc_logvar.weight", "fc_logvar.bias", "expand.weight", "expand.bias", "decoder.1.weight", "decoder.1.bias",
             "decoder.3.weight", "decoder.3.bias"],
            new ConvVae(Small).state_dict().Keys);
    }

    [Fact]
    public void Loss_Matches_A_Hand_Computed_Value()
    {
        // All weights zero: μ = 0, log σ² = fc_logvar.bias = ln 4; every logit = the last transposed conv's bias = 1.
        var model = new ConvVae(Small);
        using (torch.no_grad())
        {
            foreach (var (_, p) in model.named_parameters())
            {
                p.zero_();
            }

            model.get_parameter("fc_logvar.bias")!.fill_(Math.Log(4));
            model.get_parameter("decoder.3.bias")!.fill_(1.0);
        }

        using var x = torch.full([3, Small.InputSize], 0.25f);
        var loss = model.Loss(x);
        double reconstruction = 3 * Small.InputSize * (Math.Log(1 + Math.E) - 0.25);
        double kl = 3 * Small.LatentSize * (3 - Math.Log(4)) / 2;
        Assert.Equal(reconstruction + kl, loss.Total.item<float>(), 3);
    }

    [Fact]
    public void Default_Takes_Flattened_Mnist_Images()
    {
        torch.manual_seed(0);
        var model = new ConvVae();
        using var scope = torch.NewDisposeScope();
        var posterior = model.Encode(torch.rand(2, 784));
        Assert.Equal([2L, 20], posterior.Mean.shape);
        Assert.Equal([2L, 784], model.DecodeLogits(posterior.Mean).shape);
    }
}
