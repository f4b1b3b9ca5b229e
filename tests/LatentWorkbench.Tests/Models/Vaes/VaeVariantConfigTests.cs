using LatentWorkbench.Models;
using LatentWorkbench.Models.Vaes;
using LatentWorkbench.Runs;
using TorchSharp;

namespace LatentWorkbench.Tests.Models.Vaes;

public sealed class VaeVariantConfigTests
{
    private static readonly VaeConfig Small = new(InputSize: 12, HiddenSize: 7, LatentSize: 3);

    // A variant as a notebook cell declares it: a record and a class overriding only the loss.
    private sealed record HalfKlVaeConfig(double Scale = 0.5) : VaeVariantConfig
    {
        public override IVariationalAutoencoder Build(IVariationalAutoencoder network) => new HalfKlVae(network, Scale);
    }

    private sealed class HalfKlVae(IVariationalAutoencoder network, double scale) : VaeVariant(network)
    {
        protected override ModelLoss Loss(VaeForward forward, TrainingTime time) =>
            VaeLoss.Elbo(forward.Logits, forward.X, forward.Posterior, scale);
    }

    [Fact]
    public void Each_Built_In_Config_Builds_Its_Variant_Around_The_Network()
    {
        torch.manual_seed(0);
        var network = new Vae(Small);
        Assert.Same(network, ElboConfig.Instance.Build(network));
        Assert.Equal(4, Assert.IsType<BetaVae>(new BetaVaeConfig(4).Build(network)).Beta);
        Assert.Same(network, Assert.IsType<Iwae>(new IwaeConfig(3).Build(network)).Network);
        Assert.Same(KlRegularization.None, Assert.IsType<KlRegularizedVae>(KlRegularization.None.Build(network)).Regularization);
    }

    [Fact]
    public void Names_And_Labels_Default_To_The_Type_Name_And_Stay_Out_Of_The_Key()
    {
        var config = new HalfKlVaeConfig();
        Assert.Equal("halfklvae", config.StoredName());
        Assert.Equal("HalfKlVae", config.Label());
        Assert.Equal("{\"scale\":0.5}", CanonicalJson.Serialize(config));
        Assert.Equal(("vae", "ELBO"), (ElboConfig.Instance.StoredName(), ElboConfig.Instance.Label()));
        Assert.Equal(("iwae", "IWAE K=5"), (new IwaeConfig().StoredName(), new IwaeConfig().Label()));
    }

    [Fact]
    public void A_Variant_Overriding_Only_Its_Loss_Scores_One_Forward_Pass_With_The_Networks_Draw()
    {
        torch.manual_seed(0);
        var network = new Vae(Small);
        var variant = new HalfKlVaeConfig().Build(network);
        using var scope = torch.NewDisposeScope();
        var x = torch.rand([5, Small.InputSize], generator: new torch.Generator(3));
        torch.manual_seed(7);
        float ours = variant.Loss(x).Total.item<float>();
        torch.manual_seed(7);
        float beta = new BetaVae(network, 0.5).Loss(x).Total.item<float>();
        Assert.Equal(beta, ours);
        Assert.Same(network, variant.Module);
    }

    [Fact]
    public void Invalid_Configs_Name_The_Field()
    {
        Assert.Throws<ArgumentOutOfRangeException>("Beta", () => new BetaVaeConfig(double.NaN).Validate());
        Assert.Throws<ArgumentOutOfRangeException>("Samples", () => new IwaeConfig(0).Validate());
        Assert.Throws<ArgumentOutOfRangeException>("FreeBits", () => new KlRegularization(FreeBits: -1).Validate());
    }
}
