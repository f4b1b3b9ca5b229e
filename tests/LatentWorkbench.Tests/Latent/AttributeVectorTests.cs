using LatentWorkbench.Compute;
using LatentWorkbench.Latent;
using TorchSharp;

namespace LatentWorkbench.Tests.Latent;

public sealed class AttributeVectorTests
{
    public AttributeVectorTests() => TorchRuntime.EnsureInitialized();

    [Fact]
    public void An_Exactly_Linear_Attribute_Is_Recovered_With_R_Squared_One()
    {
        using var generator = new torch.Generator(5);
        using var codes = torch.randn([200, 4], generator: generator);
        using var weights = torch.tensor(new float[] { 3, -2, 0, 0.5f });
        using var values = codes.matmul(weights) + 7;

        var fit = AttributeVector.Fit("thickness", codes, values);

        Assert.True(fit.Weights.allclose(weights.to(torch.float64), atol: 1e-5), string.Join(", ", fit.Weights.data<double>().ToArray()));
        Assert.Equal(7, fit.Intercept, 5);
        Assert.Equal(1, fit.RSquared, 8);
        Assert.Equal(1, fit.Direction.norm().item<double>(), 10);
        Assert.True(fit.Predict(codes).allclose(values.to(torch.float64), atol: 1e-4));
        Assert.Equal(LatentStatistics.StdAlong(codes, fit.Direction), fit.ProjectionStd, 8);
    }

    [Fact]
    public void Noise_Lowers_R_Squared_And_The_Direction_Still_Points_The_Right_Way()
    {
        using var generator = new torch.Generator(6);
        using var codes = torch.randn([500, 3], generator: generator);
        using var values = codes.select(1, 0) * 2 + torch.randn([500], generator: generator);   // R² ≈ 4/5
        var fit = AttributeVector.Fit("slant", codes, values);
        Assert.InRange(fit.RSquared, 0.7, 0.9);
        Assert.True(fit.Direction[0].item<double>() > 0.95);
    }

    [Fact]
    public void Constant_Values_Or_Too_Few_Codes_Are_Refused()
    {
        using var codes = torch.randn(10, 3);
        Assert.Contains("all equal", Assert.Throws<ArgumentException>(() => AttributeVector.Fit("ink", codes, torch.ones(10))).Message, StringComparison.Ordinal);
        Assert.Equal("codes", Assert.Throws<ArgumentException>(() => AttributeVector.Fit("ink", codes.narrow(0, 0, 3), torch.arange(3).to(torch.float32))).ParamName);
    }
}
