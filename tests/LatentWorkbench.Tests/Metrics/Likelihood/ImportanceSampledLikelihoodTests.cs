using LatentWorkbench.Compute;
using LatentWorkbench.Metrics.Likelihood;
using LatentWorkbench.Models.Vaes;
using TorchSharp;

namespace LatentWorkbench.Tests.Metrics.Likelihood;

public sealed class ImportanceSampledLikelihoodTests
{
    private const int Input = 5;
    private static readonly double[] Scales = [2.0, 0.7];

    public ImportanceSampledLikelihoodTests() => TorchRuntime.EnsureInitialized();

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(1000)]
    public void With_The_Exact_Posterior_The_Estimate_Is_Exact_For_Every_K(int k)
    {
        var model = new LinearGaussianModel(Input, Scales, sigma: 0.5, seed: 1);
        var data = model.Sample(40, seed: 2);
        double[] exact = model.ExactLogLikelihood(data);
        using var x = LinearGaussianModel.ToTensor(data);

        var estimate = ImportanceSampledLikelihood.Estimate(model, x, Options(k), model.GaussianLikelihood);

        for (int i = 0; i < exact.Length; i++)
        {
            Assert.Equal(exact[i], Values(estimate.LogLikelihood)[i], 9);
        }

        double meanNll = -exact.Average();
        double se = Math.Sqrt(exact.Sum(v => Math.Pow(v + meanNll, 2)) / (exact.Length - 1) / exact.Length);
        Assert.Equal(meanNll, estimate.MeanNegativeLogLikelihood, 9);
        Assert.Equal(se, estimate.StandardError, 9);
        Assert.Equal(k, estimate.Samples);
    }

    [Fact]
    public void With_A_Perturbed_Posterior_The_Estimate_Is_Below_And_Converges_As_K_Grows()
    {
        var model = new LinearGaussianModel(Input, Scales, sigma: 0.5, seed: 1) { MeanShift = 0.3, VarianceScale = 1.8 };
        var data = model.Sample(30, seed: 3);
        double exact = model.ExactLogLikelihood(data).Average();
        using var x = LinearGaussianModel.ToTensor(data);
        double Error(int k) => ImportanceSampledLikelihood.Estimate(model, x, Options(k), model.GaussianLikelihood).LogLikelihood.mean().item<double>() - exact;

        double e1 = Error(1), e10 = Error(10), e5000 = Error(5000);
        Assert.True(e1 < -0.1, $"k = 1 is the ELBO: well below log p(x) for a poor posterior ({e1:F4})");
        Assert.True(e1 < e10 && e10 < e5000, $"errors {e1:F4}, {e10:F4}, {e5000:F4} should shrink");
        Assert.InRange(e5000, -0.01, 0.005);
    }

    [Fact]
    public void The_Elbo_Split_Adds_Up_And_Bounds_The_Likelihood()
    {
        var model = new LinearGaussianModel(Input, Scales, sigma: 0.5, seed: 1) { MeanShift = 0.2 };
        var data = model.Sample(20, seed: 4);
        double[] exact = model.ExactLogLikelihood(data);
        using var x = LinearGaussianModel.ToTensor(data);
        var estimate = ImportanceSampledLikelihood.Estimate(model, x, Options(2000), model.GaussianLikelihood);
        double[] reconstruction = Values(estimate.Reconstruction), kl = Values(estimate.Kl), elbo = Values(estimate.Elbo);
        for (int i = 0; i < exact.Length; i++)
        {
            Assert.Equal(-reconstruction[i] - kl[i], elbo[i], 12);
            Assert.True(kl[i] > 0);
        }

        // log p(x) − ELBO = KL(q ‖ p(z|x)): for a mean shift δ it is Σⱼ δ²/(2Σⱼⱼ), the same for every example.
        double gap = Scales.Sum(s => 0.2 * 0.2 / (2 * (0.25 / (0.25 + (s * s)))));
        Assert.Equal(gap, exact.Average() - estimate.MeanElbo, 1);
        Assert.Equal(estimate.MeanElbo, -estimate.MeanReconstruction - estimate.MeanKl, 10);
    }

    [Fact]
    public void The_Same_Seed_Gives_The_Same_Estimate_And_Chunking_Only_Changes_The_Draws()
    {
        torch.manual_seed(0);
        var vae = new Vae(new VaeConfig(InputSize: 12, HiddenSize: 7, LatentSize: 3));
        using var generator = new torch.Generator(1);
        using var x = torch.rand([9, 12], generator: generator);
        var options = new ImportanceSamplingOptions { Samples = 300, SampleBatch = 64, ExampleBatch = 4, Seed = 5 };
        var a = ImportanceSampledLikelihood.Estimate(vae, x, options);
        var b = ImportanceSampledLikelihood.Estimate(vae, x, options);
        Assert.Equal(Values(a.LogLikelihood), Values(b.LogLikelihood));
        var other = ImportanceSampledLikelihood.Estimate(vae, x, options with { SampleBatch = 7, ExampleBatch = 9 });
        Assert.Equal(a.MeanNegativeLogLikelihood, other.MeanNegativeLogLikelihood, 1);
        var reseeded = ImportanceSampledLikelihood.Estimate(vae, x, options with { Seed = 6 });
        Assert.NotEqual(Values(a.LogLikelihood), Values(reseeded.LogLikelihood));
    }

    [Fact]
    public void For_A_Bernoulli_Vae_The_Estimate_Is_Tighter_Than_The_Elbo()
    {
        torch.manual_seed(0);
        var vae = new Vae(new VaeConfig(InputSize: 12, HiddenSize: 7, LatentSize: 3));
        using var generator = new torch.Generator(1);
        using var x = torch.rand([16, 12], generator: generator);
        var estimate = ImportanceSampledLikelihood.Estimate(vae, x, new ImportanceSamplingOptions { Samples = 500, Seed = 2 });
        Assert.True(estimate.MeanNegativeLogLikelihood < -estimate.MeanElbo);
        var (negativeElbo, _, _) = VaeEvaluation.NegativeElbo(vae, x, 16, null);
        Assert.True(estimate.MeanNegativeLogLikelihood < negativeElbo + 0.5, "the IS estimate should not be worse than the ELBO at z = μ by much");
        Assert.All(Values(estimate.LogLikelihood), v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void Bad_Options_Name_The_Field()
    {
        var vae = new Vae(new VaeConfig(InputSize: 12, HiddenSize: 7, LatentSize: 3));
        using var x = torch.rand(2, 12);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ImportanceSampledLikelihood.Estimate(vae, x, new ImportanceSamplingOptions { Samples = 0 }));
        Assert.Equal("Samples", e.ParamName);
        e = Assert.Throws<ArgumentOutOfRangeException>(() => DecoderLogLikelihoods.Gaussian(z => z, 0));
        Assert.Equal("sigma", e.ParamName);
    }

    [Fact]
    public void The_Curve_Is_Exact_At_Every_K_With_The_Exact_Posterior()
    {
        var model = new LinearGaussianModel(Input, Scales, sigma: 0.5, seed: 1);
        var data = model.Sample(12, seed: 5);
        double exact = model.ExactLogLikelihood(data).Average();
        using var x = LinearGaussianModel.ToTensor(data);

        var curve = ImportanceSampledLikelihood.EstimateCurve(model, x, [1, 10, 100, 1000], Options(1), model.GaussianLikelihood);

        Assert.Equal([1, 10, 100, 1000], curve.Select(e => e.Samples));
        Assert.All(curve, e => Assert.Equal(-exact, e.MeanNegativeLogLikelihood, 9));
    }

    [Fact]
    public void The_Curve_Tightens_Towards_The_Closed_Form_As_K_Grows_From_The_Elbo()
    {
        // A poor posterior (shifted, too wide): the ELBO is far below log p(x); the estimate closes the gap with k.
        var model = new LinearGaussianModel(Input, Scales, sigma: 0.5, seed: 1) { MeanShift = 0.4, VarianceScale = 2.0 };
        var data = model.Sample(40, seed: 6);
        double exact = model.ExactLogLikelihood(data).Average();
        using var x = LinearGaussianModel.ToTensor(data);

        var curve = ImportanceSampledLikelihood.EstimateCurve(model, x, [1, 10, 100, 1000, 5000], Options(1), model.GaussianLikelihood);
        var errors = curve.Select(e => exact - (-e.MeanNegativeLogLikelihood)).ToList();

        // Well below log p(x) where the bound is loose (k = 1, 10); then within Monte-Carlo noise of it, the distance
        // shrinking with every decade of k.
        string all = string.Join(", ", errors.Select(v => v.ToString("F4")));
        Assert.True(errors[0] > 1 && errors[1] > 0, $"k = 1 and 10 should be below log p(x): errors {all}");
        Assert.True(errors.Zip(errors.Skip(1)).All(p => Math.Abs(p.Second) < Math.Abs(p.First)), $"errors {all} should shrink");
        Assert.True(Math.Abs(errors[^1]) < 0.01, $"k = 5000 should be within 0.01 nats: errors {all}");
        // At k = 1 the estimate is a one-sample ELBO: within a few of its standard errors of the closed-form-KL ELBO.
        double elbo = curve[^1].MeanElbo;
        Assert.InRange(-curve[0].MeanNegativeLogLikelihood - elbo, -4 * curve[0].StandardError, 4 * curve[0].StandardError);
    }

    [Fact]
    public void Each_Point_Of_The_Curve_Uses_The_First_K_Of_The_Same_Draws()
    {
        // One sample per chunk: the curve and a plain estimate draw the same noise in the same order.
        torch.manual_seed(0);
        var vae = new Vae(new VaeConfig(InputSize: 12, HiddenSize: 7, LatentSize: 3));
        using var generator = new torch.Generator(1);
        using var x = torch.rand([6, 12], generator: generator);
        var options = new ImportanceSamplingOptions { SampleBatch = 1, ExampleBatch = 6, Seed = 3 };

        var curve = ImportanceSampledLikelihood.EstimateCurve(vae, x, [3, 20], options);
        var at3 = ImportanceSampledLikelihood.Estimate(vae, x, options with { Samples = 3 });
        var at20 = ImportanceSampledLikelihood.Estimate(vae, x, options with { Samples = 20 });

        Assert.Equal(Values(at3.LogLikelihood), Values(curve[0].LogLikelihood));
        Assert.Equal(Values(at3.Reconstruction), Values(curve[0].Reconstruction));
        Assert.Equal(Values(at20.LogLikelihood), Values(curve[1].LogLikelihood));
        Assert.Equal(Values(curve[0].Kl), Values(curve[1].Kl));
        Assert.NotSame(curve[0].Kl, curve[1].Kl);
    }

    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { 0, 10 })]
    [InlineData(new[] { 10, 10 })]
    [InlineData(new[] { 100, 10 })]
    public void A_Curve_Needs_Rising_Sample_Counts_And_Says_So(int[] counts)
    {
        var vae = new Vae(new VaeConfig(InputSize: 12, HiddenSize: 7, LatentSize: 3));
        using var x = torch.rand(2, 12);
        var e = Assert.Throws<ArgumentException>(() => ImportanceSampledLikelihood.EstimateCurve(vae, x, counts));
        Assert.Equal("sampleCounts", e.ParamName);
        Assert.Contains("strictly increasing", e.Message, StringComparison.Ordinal);
    }

    private static ImportanceSamplingOptions Options(int k) => new() { Samples = k, SampleBatch = 128, ExampleBatch = 16, Seed = 7 };

    [Fact]
    public void Per_Example_Values_Are_Float64_Cpu_Tensors_With_One_Row_Per_Example()
    {
        torch.manual_seed(0);
        var vae = new Vae(new VaeConfig(InputSize: 12, HiddenSize: 7, LatentSize: 3));
        using var generator = new torch.Generator(1);
        using var x = torch.rand([7, 12], generator: generator);
        var estimate = ImportanceSampledLikelihood.Estimate(vae, x, new ImportanceSamplingOptions { Samples = 20, Seed = 2 });
        Assert.All([estimate.LogLikelihood, estimate.Elbo, estimate.Reconstruction, estimate.Kl], t =>
        {
            Assert.Equal([7L], t.shape);
            Assert.Equal(torch.float64, t.dtype);
            Assert.Equal(DeviceType.CPU, t.device_type);
        });
        Assert.Equal(-Values(estimate.LogLikelihood).Average(), estimate.MeanNegativeLogLikelihood);   // the same sum, in the same order
    }

    private static double[] Values(torch.Tensor values) => values.data<double>().ToArray();
}
