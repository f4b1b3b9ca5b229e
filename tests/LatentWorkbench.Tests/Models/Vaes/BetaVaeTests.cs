using LatentWorkbench.Models.Vaes;
using TorchSharp;

namespace LatentWorkbench.Tests.Models.Vaes;

public sealed class BetaVaeTests : VariationalAutoencoderContract
{
    private const double Beta = 4;
    private static readonly VaeConfig Small = new(InputSize: 12, HiddenSize: 7, LatentSize: 3);

    protected override int InputSize => Small.InputSize;

    protected override IVariationalAutoencoder Create(long seed)
    {
        torch.manual_seed(seed);
        return new BetaVae(new Vae(Small), Beta);
    }

    protected override void AssertTermsMakeUpTheTotal(IReadOnlyDictionary<string, double> terms, double total)
    {
        Assert.Equal([VaeLoss.Reconstruction, VaeLoss.Kl], terms.Keys);
        Assert.True(terms[VaeLoss.Kl] > 0);
        Assert.Equal(terms[VaeLoss.Reconstruction] + (Beta * terms[VaeLoss.Kl]), total, 2);
    }

    [Fact]
    public void Beta_One_Is_The_Plain_Vae_Loss_For_The_Same_Seed()
    {
        torch.manual_seed(1);
        var vae = new Vae(Small);
        using var scope = torch.NewDisposeScope();
        using var generator = new torch.Generator(2);
        var x = torch.rand([6, Small.InputSize], generator: generator);
        // No sampling noise to compare across: with log σ² → −∞ z = μ, so both losses are deterministic functions of x.
        using (torch.no_grad())
        {
            vae.get_parameter("fc22.weight")!.zero_();
            vae.get_parameter("fc22.bias")!.fill_(-60.0);
        }

        double plain = vae.Loss(x).Total.item<float>();
        Assert.Equal(plain, new BetaVae(vae, 1).Loss(x).Total.item<float>(), 1e-3 * plain);
    }

    [Fact]
    public void Loss_Matches_A_Hand_Computed_Value()
    {
        // As VaeTests: zero weights, log σ² = ln 4, logits 1; the total weighs the KL by β.
        var vae = new Vae(Small);
        using (torch.no_grad())
        {
            foreach (var (_, p) in vae.named_parameters())
            {
                p.zero_();
            }

            vae.get_parameter("fc22.bias")!.fill_(Math.Log(4));
            vae.get_parameter("fc4.bias")!.fill_(1.0);
        }

        using var x = torch.full([4, Small.InputSize], 0.25f);
        double reconstruction = 4 * Small.InputSize * (Math.Log(1 + Math.E) - 0.25);
        double kl = 4 * Small.LatentSize * (3 - Math.Log(4)) / 2;
        Assert.Equal(reconstruction + (Beta * kl), new BetaVae(vae, Beta).Loss(x).Total.item<float>(), 1e-3 * reconstruction);
    }

    [Fact]
    public void The_Module_And_Its_Names_Are_The_Wrapped_Models()
    {
        var vae = new Vae(Small);
        var beta = new BetaVae(vae, 2);
        Assert.Same(vae, beta.Module);
        Assert.Equal(vae.state_dict().Keys, beta.Module.state_dict().Keys);
    }

    [Fact]
    public void A_Negative_Beta_Names_The_Parameter()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new BetaVae(new Vae(Small), -1));
        Assert.Equal("beta", e.ParamName);
    }
}
