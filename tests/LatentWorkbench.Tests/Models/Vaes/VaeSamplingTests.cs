using LatentWorkbench.Compute;
using LatentWorkbench.Models.Vaes;
using TorchSharp;

namespace LatentWorkbench.Tests.Models.Vaes;

public sealed class VaeSamplingTests
{
    private static readonly VaeConfig Small = new(InputSize: 16, HiddenSize: 8, LatentSize: 2);

    public VaeSamplingTests() => TorchRuntime.EnsureInitialized();

    private static IVariationalAutoencoder Model()
    {
        // Weights from a local generator: test classes run in parallel and share torch's global one.
        var vae = new Vae(Small);
        using var generator = new torch.Generator(11);
        using (torch.no_grad())
        {
            foreach (var (_, p) in vae.named_parameters())
            {
                p.copy_(torch.randn(p.shape, generator: generator) * 0.5);
            }
        }

        return vae;
    }

    [Fact]
    public void Quantiles_Are_Equal_Probability_Steps_Of_The_Standard_Normal()
    {
        double[] q = VaeSampling.StandardNormalQuantiles(4);
        // Φ⁻¹(1/8), Φ⁻¹(3/8), Φ⁻¹(5/8), Φ⁻¹(7/8).
        Assert.Equal([-1.150349, -0.318639, 0.318639, 1.150349], q.Select(v => Math.Round(v, 6)));
        Assert.Equal([0.0], VaeSampling.StandardNormalQuantiles(1));
    }

    [Fact]
    public void The_Manifold_Grid_Decodes_Z_Row_By_Row_With_Z2_Falling_And_Z1_Rising()
    {
        var vae = Model();
        using var grid = VaeSampling.ManifoldGrid(vae, 3);
        Assert.Equal([9L, Small.InputSize], grid.shape);

        double[] q = VaeSampling.StandardNormalQuantiles(3);
        using var topRight = torch.tensor(new[] { (float)q[2], (float)q[2] }, [1, 2]);
        using var bottomLeft = torch.tensor(new[] { (float)q[0], (float)q[0] }, [1, 2]);
        using var noGrad = torch.no_grad();
        Assert.True(grid[2].allclose(vae.Decode(topRight)[0], atol: 1e-6));
        Assert.True(grid[6].allclose(vae.Decode(bottomLeft)[0], atol: 1e-6));
    }

    [Fact]
    public void The_Manifold_Needs_Two_Latent_Dimensions()
    {
        var e = Assert.Throws<ArgumentException>(() => VaeSampling.ManifoldGrid(new Vae(Small with { LatentSize = 3 }), 4));
        Assert.Contains("3 latent", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prior_Samples_Are_Seeded_Pixels_And_Reconstructions_Decode_The_Posterior_Mean()
    {
        var vae = Model();
        using var a = VaeSampling.PriorSamples(vae, 5, seed: 3);
        using var b = VaeSampling.PriorSamples(vae, 5, seed: 3);
        using var c = VaeSampling.PriorSamples(vae, 5, seed: 4);
        Assert.Equal([5L, Small.InputSize], a.shape);
        Assert.True(a.allclose(b, rtol: 0, atol: 0));
        Assert.False(a.allclose(c, rtol: 0, atol: 0));
        Assert.True(a.min().item<float>() >= 0 && a.max().item<float>() <= 1);

        using var generator = new torch.Generator(2);
        using var x = torch.rand([7, Small.InputSize], generator: generator);
        using var rebuilt = VaeSampling.Reconstruct(vae, x);
        using var noGrad = torch.no_grad();
        Assert.True(rebuilt.allclose(vae.Decode(vae.Encode(x).Mean)));
    }

    [Fact]
    public void Posterior_Means_In_Batches_Equal_One_Pass()
    {
        var vae = Model();
        using var generator = new torch.Generator(3);
        using var x = torch.rand([10, Small.InputSize], generator: generator);
        using var batched = VaeSampling.PosteriorMeans(vae, x, batchSize: 3);
        using var noGrad = torch.no_grad();
        Assert.Equal([10L, 2], batched.shape);
        Assert.True(batched.allclose(vae.Encode(x).Mean, atol: 1e-6));
    }
}
