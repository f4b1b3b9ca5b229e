using LatentWorkbench.Models.Vaes;
using TorchSharp;

namespace LatentWorkbench.Tests.Models.Vaes;

public sealed class IwaeTests : VariationalAutoencoderContract
{
    private const int Samples = 5;
    private static readonly VaeConfig Small = new(InputSize: 12, HiddenSize: 7, LatentSize: 3);

    protected override int InputSize => Small.InputSize;

    protected override IVariationalAutoencoder Create(long seed)
    {
        torch.manual_seed(seed);
        return new Iwae(new Vae(Small), Samples);
    }

    protected override void AssertTermsMakeUpTheTotal(IReadOnlyDictionary<string, double> terms, double total)
    {
        // −L_K = weighted reconstruction + weighted Monte-Carlo KL + KL(w̃ ‖ uniform), the last in [0, B·log K].
        Assert.Equal([VaeLoss.Reconstruction, VaeLoss.Kl, IwaeLoss.WeightDivergence], terms.Keys);
        Assert.InRange(terms[IwaeLoss.WeightDivergence], 0, (Batch * Math.Log(Samples)) + 1e-4);
        Assert.Equal(terms[VaeLoss.Reconstruction] + terms[VaeLoss.Kl] + terms[IwaeLoss.WeightDivergence], total, 2);
    }

    [Fact]
    public void With_One_Sample_The_Bound_Is_The_Elbo_In_Expectation()
    {
        torch.manual_seed(1);
        var vae = new Vae(Small);
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var x = Data();

        // Same seed: the same z, so the same reconstruction; the KL differs only by Monte-Carlo vs closed form.
        var elbo = NegativeElbo(vae, x, Generator(3));
        var bound = IwaeLoss.Bound(vae, x, 1, Generator(3));
        Assert.Equal(elbo.Terms[0].Value.item<float>(), bound.Terms[0].Value.item<float>(), 3);
        Assert.Equal(0, bound.Terms[2].Value.item<float>(), 5);

        // Over many draws the means agree within four standard errors.
        const int draws = 400;
        var differences = new double[draws];
        for (int i = 0; i < draws; i++)
        {
            double a = NegativeElbo(vae, x, Generator(100 + i)).Total.item<float>();
            differences[i] = IwaeLoss.Bound(vae, x, 1, Generator(100 + i)).Total.item<float>() - a;
        }

        double mean = differences.Average();
        double standardError = Math.Sqrt(differences.Sum(d => (d - mean) * (d - mean)) / (draws - 1) / draws);
        Assert.True(Math.Abs(mean) < 4 * standardError, $"mean difference {mean:F4} ± {standardError:F4}");
        Assert.True(standardError > 0, "the Monte-Carlo KL should differ from the closed form draw by draw");
    }

    [Fact]
    public void With_More_Samples_The_Bound_Is_At_Least_The_Elbo_On_Average()
    {
        torch.manual_seed(1);
        var vae = new Vae(Small);
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var x = Data();
        const int draws = 200;
        var generator = Generator(5);
        double negativeElbo = Enumerable.Range(0, draws).Average(_ => (double)NegativeElbo(vae, x, generator).Total.item<float>());
        double iwae5 = Enumerable.Range(0, draws).Average(_ => (double)IwaeLoss.Bound(vae, x, 5, generator).Total.item<float>());
        double iwae50 = Enumerable.Range(0, draws).Average(_ => (double)IwaeLoss.Bound(vae, x, 50, generator).Total.item<float>());
        Assert.True(iwae5 < negativeElbo, $"−L_5 {iwae5:F3} should be below −ELBO {negativeElbo:F3}");
        Assert.True(iwae50 < iwae5, $"−L_50 {iwae50:F3} should be below −L_5 {iwae5:F3}");
    }

    // Local generators: test classes run in parallel and would race on torch's global one.
    private static torch.Generator Generator(long seed) => new((ulong)seed);

    private static torch.Tensor Data() => torch.rand([8, Small.InputSize], generator: Generator(2));

    private static LatentWorkbench.Models.ModelLoss NegativeElbo(Vae vae, torch.Tensor x, torch.Generator generator)
    {
        var posterior = vae.Encode(x);
        return VaeLoss.Elbo(vae.DecodeLogits(posterior.Sample(generator)), x, posterior);
    }

    [Fact]
    public void Loss_Matches_A_Hand_Computed_Value()
    {
        // All weights zero, log σ² = 0: q(z|x) = N(0, I) = p(z), so log p(z) − log q(z|x) = 0 for every z, and every
        // logit is fc4.bias = 1 whatever z: each log weight is −D·(softplus(1) − 0.25), equal weights, for any K.
        var vae = new Vae(Small);
        using (torch.no_grad())
        {
            foreach (var (_, p) in vae.named_parameters())
            {
                p.zero_();
            }

            vae.get_parameter("fc4.bias")!.fill_(1.0);
        }

        using var x = torch.full([4, Small.InputSize], 0.25f);
        var loss = new Iwae(vae, 7).Loss(x);
        double expected = 4 * Small.InputSize * (Math.Log(1 + Math.E) - 0.25);
        Assert.Equal(expected, loss.Total.item<float>(), 3);
        Assert.Equal(expected, loss.Terms[0].Value.item<float>(), 3);
        Assert.Equal(0, loss.Terms[1].Value.item<float>(), 4);
        Assert.Equal(0, loss.Terms[2].Value.item<float>(), 4);
    }

    [Fact]
    public void Zero_Samples_Name_The_Parameter()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Iwae(new Vae(Small), 0));
        Assert.Equal("samples", e.ParamName);
    }
}
