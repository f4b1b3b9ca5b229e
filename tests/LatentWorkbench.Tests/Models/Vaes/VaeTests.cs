using LatentWorkbench.Models.Vaes;
using LatentWorkbench.Training;
using LatentWorkbench.Tests.TestUtilities;
using TorchSharp;

namespace LatentWorkbench.Tests.Models.Vaes;

// Same-seed runs compare exact numbers drawn from torch's global generator: run alone.
[Collection(LatentWorkbench.Tests.Models.GlobalTorchGeneratorCollection.Name)]
public sealed class VaeTests : VariationalAutoencoderContract
{
    private static readonly VaeConfig Small = new(InputSize: 12, HiddenSize: 7, LatentSize: 3);

    protected override int InputSize => Small.InputSize;

    protected override IVariationalAutoencoder Create(long seed)
    {
        torch.manual_seed(seed);
        return new Vae(Small);
    }

    [Fact]
    public void Parameter_Names_Are_The_PyTorch_Examples_State_Dict()
    {
        var names = new Vae().state_dict().Keys;
        Assert.Equal(
            ["fc1.weight", "fc1.bias", "fc21.weight", "fc21.bias", "fc22.weight", "fc22.bias", "fc3.weight", "fc3.bias", "fc4.weight", "fc4.bias"],
            names);
    }

    [Fact]
    public void Loss_Matches_A_Hand_Computed_Value()
    {
        // All weights zero: h = 0, μ = fc21.bias = 0, log σ² = fc22.bias = ln 4, logits = fc4.bias = 1.
        // Reconstruction per pixel with x = 0.25: softplus(1) − 0.25·1 = ln(1 + e) − 0.25.
        // KL per latent dimension: −½(1 + ln 4 − 0 − 4) = (3 − ln 4) / 2.
        var model = new Vae(Small);
        using (torch.no_grad())
        {
            foreach (var (_, p) in model.named_parameters())
            {
                p.zero_();
            }

            model.get_parameter("fc22.bias")!.fill_(Math.Log(4));
            model.get_parameter("fc4.bias")!.fill_(1.0);
        }

        using var x = torch.full([4, Small.InputSize], 0.25f);
        var loss = model.Loss(x);
        double reconstruction = 4 * Small.InputSize * (Math.Log(1 + Math.E) - 0.25);
        double kl = 4 * Small.LatentSize * (3 - Math.Log(4)) / 2;
        Assert.Equal(reconstruction, loss.Terms[0].Value.item<float>(), 3);
        Assert.Equal(kl, loss.Terms[1].Value.item<float>(), 4);
        Assert.Equal(reconstruction + kl, loss.Total.item<float>(), 3);
    }

    [Fact]
    public void Evaluation_With_Z_Equal_Mu_Is_Deterministic_And_Sampling_Is_Seeded()
    {
        var model = (Vae)Create(5);
        using var generator = new torch.Generator(7);
        using var data = torch.rand([40, Small.InputSize], generator: generator);
        var mean1 = VaeEvaluation.NegativeElbo(model, data, 16, null);
        var mean2 = VaeEvaluation.NegativeElbo(model, data, 40, null);
        Assert.Equal(mean1.Loss, mean2.Loss, 3);
        Assert.Equal(mean1.Reconstruction + mean1.Kl, mean1.Loss, 6);
        var sampledA = VaeEvaluation.NegativeElbo(model, data, 16, 1234);
        var sampledB = VaeEvaluation.NegativeElbo(model, data, 16, 1234);
        Assert.Equal(sampledA, sampledB);
        Assert.NotEqual(mean1.Reconstruction, sampledA.Reconstruction);
    }

    [Fact]
    public void Invalid_Sizes_Name_The_Field()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Vae(new VaeConfig(LatentSize: 0)));
        Assert.Equal("LatentSize", e.ParamName);
    }

    [Fact]
    public void Loading_A_Checkpoint_That_Is_Not_One_Names_The_File()
    {
        using var temp = new TempDirectory();
        string path = temp.File("garbage.pt");
        File.WriteAllText(path, "not a pickle");
        var e = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(new Vae(Small), path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Throws<FileNotFoundException>(() => Checkpoint.Load(new Vae(Small), temp.File("missing.pt")));
    }
}
