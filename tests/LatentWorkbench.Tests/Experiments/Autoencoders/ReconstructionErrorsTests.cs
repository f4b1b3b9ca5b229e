using LatentWorkbench.Compute;
using LatentWorkbench.Models.Autoencoders;
using LatentWorkbench.Reduction;
using LatentWorkbench.Reduction.Pca;
using TorchSharp;
using LatentWorkbench.Experiments.Autoencoders;

namespace LatentWorkbench.Tests.Experiments.Autoencoders;

public sealed class ReconstructionErrorsTests
{
    public ReconstructionErrorsTests() => TorchRuntime.EnsureInitialized();

    private static torch.Tensor Images(int rows = 7, int cols = 5, ulong seed = 1)
    {
        using var generator = new torch.Generator(seed);
        return torch.rand([rows, cols], generator: generator);
    }

    [Fact]
    public void Per_Image_Errors_Are_Row_Sums_Of_Squares_Across_Batches()
    {
        using var x = Images();
        using var zero = ReconstructionErrors.PerImage(t => torch.zeros_like(t), x, batchSize: 3);
        Assert.Equal(torch.float64, zero.dtype);
        var expected = Enumerable.Range(0, 7).Select(i => x[i].pow(2).sum().item<float>()).ToArray();
        Assert.Equal(expected, zero.data<double>().Select(e => (float)e), (a, b) => Math.Abs(a - b) < 1e-5);
        Assert.All(ReconstructionErrors.PerImage(t => t, x).data<double>(), e => Assert.Equal(0, e));
        Assert.Equal(expected.Average(), ReconstructionErrors.Mean(t => torch.zeros_like(t), x), 5);
    }

    [Fact]
    public void Targets_Other_Than_The_Inputs_Are_Scored_And_Must_Match_Their_Shape()
    {
        using var x = Images();
        using var y = Images(seed: 2);
        using var errors = ReconstructionErrors.PerImage(t => t, x, y);
        Assert.Equal((x - y).pow(2).sum().item<float>() / 7, errors.mean().item<double>(), 5);
        using var wrong = Images(rows: 6);
        Assert.Equal("targets", Assert.Throws<ArgumentException>(() => ReconstructionErrors.PerImage(t => t, x, wrong)).ParamName);
    }

    [Fact]
    public void Pca_As_A_Map_Gives_Its_Own_Error_Per_Image()
    {
        using var x = Images(rows: 40, cols: 6);
        var pca = new PcaReducer(new PcaOptions { Components = 2 }).Fit(x);
        Assert.Equal(pca.ReconstructionErrorPerImage(x), ReconstructionErrors.Mean(ReconstructionErrors.Of(pca), x), 5);
    }

    [Fact]
    public void A_Noise_Sweep_Scores_Every_Model_On_The_Same_Draws()
    {
        using var x = Images(rows: 20, cols: 8);
        var models = new Dictionary<string, Func<torch.Tensor, torch.Tensor>> { ["identity"] = t => t, ["zero"] = t => torch.zeros_like(t) };
        var sweep = NoiseSweep.Run(models, x, NoiseKind.Masking, [0, 1], seed: 3);

        Assert.Equal(0, sweep.Errors["identity"][0]);                                        // nothing masked: the identity is perfect
        Assert.Equal(sweep.Errors["zero"][0], sweep.Errors["identity"][1], 5);               // all masked: the identity returns zeros
        Assert.Equal(sweep.Errors["identity"], NoiseSweep.Run(models, x, NoiseKind.Masking, [0, 1], seed: 3).Errors["identity"]);
        using var a = NoiseSweep.Corrupt(x, NoiseKind.Gaussian, 0.5, seed: 9);
        using var b = NoiseSweep.Corrupt(x, NoiseKind.Gaussian, 0.5, seed: 9);
        Assert.True(a.allclose(b, rtol: 0, atol: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => NoiseSweep.Corrupt(x, NoiseKind.Masking, 2, seed: 0));
    }
}
