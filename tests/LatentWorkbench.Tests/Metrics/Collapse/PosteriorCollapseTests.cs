using LatentWorkbench.Metrics.Collapse;
using LatentWorkbench.Models.Vaes;
using TorchSharp;

namespace LatentWorkbench.Tests.Metrics.Collapse;

public sealed class PosteriorCollapseTests
{
    private static GaussianPosterior Posterior(torch.Tensor mean, torch.Tensor logVariance) => new(mean, logVariance);

    [Fact]
    public void Kl_Per_Dimension_Is_Zero_For_The_Prior_And_Half_Mu_Squared_For_A_Unit_Variance_Shift()
    {
        using var scope = torch.NewDisposeScope();
        // Dimension 0: q = N(0, 1) = p (KL 0). Dimension 1: μ = ±1, σ = 1 (KL ½). Dimension 2: μ = 0, σ² = e (KL ½(e − 1 − 1)).
        var mean = torch.tensor(new float[] { 0, 1, 0, 0, -1, 0 }).reshape(2, 3);
        var logVariance = torch.tensor(new float[] { 0, 0, 1, 0, 0, 1 }).reshape(2, 3);
        var kl = PosteriorCollapse.KlPerDimension(Posterior(mean, logVariance));
        Assert.Equal(0, kl[0], 6);
        Assert.Equal(0.5, kl[1], 6);
        Assert.Equal(0.5 * (Math.E - 2), kl[2], 5);
    }

    [Fact]
    public void Active_Units_Count_The_Dimensions_Whose_Mean_Varies_More_Than_The_Threshold()
    {
        using var scope = torch.NewDisposeScope();
        using var generator = new torch.Generator(3);
        // Four dimensions with Var_x(μ) = 1, 0.04, 0.0025, 0: the threshold 0.01 keeps the first two.
        var scales = torch.tensor(new float[] { 1f, 0.2f, 0.05f, 0f });
        var mean = torch.randn([4000, 4], generator: generator) * scales;
        var posterior = Posterior(mean, torch.zeros([4000, 4]));
        var variances = PosteriorCollapse.MeanVariances(posterior);
        Assert.Equal(1, variances[0], 1);
        Assert.Equal(0.04, variances[1], 2);
        Assert.Equal(0, variances[3], 9);
        Assert.Equal(2, PosteriorCollapse.ActiveUnits(posterior));
        Assert.Equal(3, PosteriorCollapse.ActiveUnits(posterior, threshold: 0.001));
    }

    [Fact]
    public void Mutual_Information_Is_Zero_When_Every_Posterior_Is_The_Same()
    {
        using var scope = torch.NewDisposeScope();
        using var generator = new torch.Generator(4);
        // A collapsed encoder: q(z|x) = N(0.3, 0.5) whatever x is, so z carries nothing about x.
        var posterior = Posterior(torch.full([2000, 5], 0.3f), torch.full([2000, 5], (float)Math.Log(0.5)));
        Assert.Equal(0, PosteriorCollapse.MutualInformation(posterior, generator), 1);
    }

    [Fact]
    public void Mutual_Information_Is_Log_N_When_The_Posteriors_Do_Not_Overlap()
    {
        using var scope = torch.NewDisposeScope();
        using var generator = new torch.Generator(5);
        // N posteriors 10 apart with σ = 0.01: z identifies its x exactly, and the mixture estimator tops out at log N.
        const int n = 2000;
        var mean = (torch.arange(n, dtype: torch.float32) * 10).reshape(n, 1);
        var posterior = Posterior(mean, torch.full([n, 1], (float)Math.Log(1e-4)));
        // The closed-form entropy term against one draw per example leaves noise of about √(½/N) ≈ 0.016.
        Assert.InRange(PosteriorCollapse.MutualInformation(posterior, generator), Math.Log(n) - 0.06, Math.Log(n) + 0.06);
    }

    [Fact]
    public void Mutual_Information_Matches_The_Gaussian_Channel_Formula()
    {
        using var scope = torch.NewDisposeScope();
        using var generator = new torch.Generator(6);
        // μ ~ N(0, s²), q(z|x) = N(μ, σ²) per dimension: z = μ + noise is a Gaussian channel, I = ½ L log(1 + s²/σ²).
        const int n = 4000, latent = 2;
        const double s2 = 3, sigma2 = 1;
        var mean = torch.randn([n, latent], dtype: torch.float64, generator: generator) * Math.Sqrt(s2);
        var posterior = Posterior(mean, torch.full([n, latent], Math.Log(sigma2), dtype: torch.float64));
        double expected = 0.5 * latent * Math.Log(1 + (s2 / sigma2));
        Assert.Equal(expected, PosteriorCollapse.MutualInformation(posterior, generator), 1);
    }

    [Fact]
    public void Measure_Reports_All_Three_And_The_Total_Kl()
    {
        using var scope = torch.NewDisposeScope();
        using var generator = new torch.Generator(7);
        var mean = torch.cat([torch.randn([500, 1], generator: generator), torch.zeros([500, 2])], 1);
        var report = PosteriorCollapse.Measure(Posterior(mean, torch.zeros([500, 3])), generator);
        Assert.Equal(3, report.LatentSize);
        Assert.Equal(1, report.ActiveUnits);
        Assert.Equal(report.KlPerDimension.Sum(), report.Kl, 12);
        Assert.Equal(0, report.KlPerDimension[1], 9);
        Assert.InRange(report.MutualInformation, 0.1, 0.6);   // ½ log 2 ≈ 0.35 for the one Gaussian-channel dimension
    }

    [Fact]
    public void Bad_Thresholds_And_Empty_Posteriors_Are_Rejected()
    {
        using var scope = torch.NewDisposeScope();
        var posterior = Posterior(torch.zeros([3, 2]), torch.zeros([3, 2]));
        Assert.Throws<ArgumentOutOfRangeException>("threshold", () => PosteriorCollapse.ActiveUnits(posterior, -1));
        Assert.Throws<ArgumentException>("posterior", () => PosteriorCollapse.MutualInformation(Posterior(torch.zeros([0, 2]), torch.zeros([0, 2]))));
    }
}
