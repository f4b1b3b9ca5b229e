using LatentWorkbench.Models.Vaes;
using TorchSharp;

namespace LatentWorkbench.Tests.Models.Vaes;

/// <summary>The IWAE objective on the conv network (what <c>train vae --arch conv --iwae-k K</c> builds): the VAE contract holds for it too.</summary>
public sealed class ConvIwaeTests : VariationalAutoencoderContract
{
    private const int Samples = 3;
    private static readonly ConvVaeConfig Small = new(ImageSide: 8, FirstChannels: 8, SecondChannels: 8, LatentSize: 2);

    protected override int InputSize => Small.InputSize;

    protected override IVariationalAutoencoder Create(long seed)
    {
        torch.manual_seed(seed);
        return new Iwae(new ConvVae(Small), Samples);
    }

    protected override void AssertTermsMakeUpTheTotal(IReadOnlyDictionary<string, double> terms, double total)
    {
        Assert.Equal([VaeLoss.Reconstruction, VaeLoss.Kl, IwaeLoss.WeightDivergence], terms.Keys);
        Assert.InRange(terms[IwaeLoss.WeightDivergence], 0, (Batch * Math.Log(Samples)) + 1e-4);
        Assert.Equal(terms[VaeLoss.Reconstruction] + terms[VaeLoss.Kl] + terms[IwaeLoss.WeightDivergence], total, 2);
    }

    [Fact]
    public void Loss_Matches_A_Hand_Computed_Value()
    {
        // All weights zero, log σ² = 0: q(z|x) = p(z), every logit is decoder.3.bias = 1 whatever z, so every log weight is
        // −D·(softplus(1) − 0.25) and −L_K equals the reconstruction alone, for any K.
        var model = new ConvVae(Small);
        using (torch.no_grad())
        {
            foreach (var (_, p) in model.named_parameters())
            {
                p.zero_();
            }

            model.get_parameter("decoder.3.bias")!.fill_(1.0);
        }

        using var x = torch.full([3, Small.InputSize], 0.25f);
        double expected = 3 * Small.InputSize * (Math.Log(1 + Math.E) - 0.25);
        Assert.Equal(expected, new Iwae(model, Samples).Loss(x).Total.item<float>(), 3);
    }
}
