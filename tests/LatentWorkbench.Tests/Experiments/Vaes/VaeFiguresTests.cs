using LatentWorkbench.Compute;
using LatentWorkbench.Data;
using LatentWorkbench.Images;
using LatentWorkbench.Metrics.Likelihood;
using LatentWorkbench.Models.Vaes;
using LatentWorkbench.Training;
using Plotly.NET;
using LatentWorkbench.Experiments.Vaes;

namespace LatentWorkbench.Tests.Experiments.Vaes;

public sealed class VaeFiguresTests
{
    public VaeFiguresTests() => TorchRuntime.EnsureInitialized();

    // Any weights will do: these tests check shapes and layout, not values.
    private static Vae Model(int latent) => new(new VaeConfig(MnistSplit.PixelsPerImage, 8, latent));

    private static MnistSplit Digits(int count)
    {
        var random = new Random(1);
        var pixels = new float[count * MnistSplit.PixelsPerImage];
        for (int i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (float)random.NextDouble();
        }

        return MnistSplit.FromArrays("test", pixels, [.. Enumerable.Range(0, count).Select(i => (byte)(i % 10))]);
    }

    private static int TraceCount(GenericChart chart) => GenericChart.countTrace(chart);

    [Fact]
    public void Loss_Curves_Draw_The_Total_And_Every_Term()
    {
        var epochs = Enumerable.Range(1, 3).Select(e => new EpochReport(e, 1, 100 - e, new Dictionary<string, double> { ["reconstruction"] = 80 - e, ["kl"] = 20 })).ToList();
        Assert.Equal(3, TraceCount(VaeFigures.LossCurves(epochs)));
        Assert.Throws<ArgumentException>(() => VaeFigures.LossCurves([]));
    }

    [Fact]
    public void Image_Grids_Have_The_Documented_Layout()
    {
        var samples = GridImage.LayoutOf(VaeFigures.PriorSamples(Model(3), count: 20, columns: 10))!;
        Assert.Equal((20, 10, 2), (samples.Count, samples.Columns, samples.Rows));

        var reconstructions = GridImage.LayoutOf(VaeFigures.Reconstructions(Model(3), Digits(30), count: 6))!;
        Assert.Equal((12, 6), (reconstructions.Count, reconstructions.Columns));
        Assert.Equal(["original", "reconstruction"], reconstructions.RowLabels);

        var manifold = GridImage.LayoutOf(VaeFigures.Manifold(Model(2), side: 5))!;
        Assert.Equal((25, 5, 5), (manifold.Count, manifold.Columns, manifold.Rows));
    }

    [Fact]
    public void Posterior_Means_Show_One_Trace_Per_Digit_For_Two_And_Twenty_Latents()
    {
        Assert.Equal(10, TraceCount(VaeFigures.PosteriorMeans(Model(2), Digits(40))));
        Assert.Equal(10, TraceCount(VaeFigures.PosteriorMeans(Model(20), Digits(40), count: 30)));
    }

    [Fact]
    public void Likelihood_Figures_And_Tables_Have_A_Line_Or_Row_Per_Model()
    {
        var model = Model(3);
        var options = VaeLikelihoodOptions.Default with { TestExamples = 8, SampleCounts = [1, 4, 16] };
        var a = VaeLikelihood.Evaluate(model, Digits(10), options);
        var b = VaeLikelihood.Evaluate(model, Digits(10), options with { Sampling = new ImportanceSamplingOptions { Seed = 9 } });

        Assert.Equal([1, 4, 16], a.Curve.Select(e => e.Samples));
        Assert.Equal([8L], a.Final.LogLikelihood.shape);
        Assert.Equal(a.NegativeElbo - a.NegativeLogLikelihood, a.ElboGap, 12);
        Assert.Equal(a.ElboGap, a.GapAt[^1], 12);
        Assert.Equal(2, TraceCount(VaeFigures.LikelihoodGap([("a", a), ("b", b)])));
        Assert.Equal(1, TraceCount(VaeFigures.ElboSplit(a.Final, Digits(10).Labels)) > 0 ? 1 : 0);

        var table = VaeTables.Likelihood([("a", a), ("b", b)]);
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal(["model", "test digits", "−ELBO", "NLL (k = 16)", "± SE", "−ELBO − NLL", "NLL k = 1", "NLL k = 4", "NLL k = 16"], table.Columns.Select(c => c.Name));
        Assert.Equal(a.NegativeLogLikelihood, (double)table["NLL (k = 16)"][0]!, 12);

        var other = VaeLikelihood.Evaluate(model, Digits(10), options with { SampleCounts = [1, 2] });
        Assert.Throws<ArgumentException>(() => VaeTables.Likelihood([("a", a), ("other", other)]));
        Assert.Equal("options", Assert.Throws<ArgumentOutOfRangeException>(() => VaeLikelihood.Evaluate(model, Digits(5), options)).ParamName);
    }
}
