using LatentWorkbench.Compute;
using LatentWorkbench.Latent;
using TorchSharp;

namespace LatentWorkbench.Tests.Latent;

public sealed class InterpolationTests
{
    public InterpolationTests() => TorchRuntime.EnsureInitialized();

    private static float[] Row(torch.Tensor path, int i) => path[i].data<float>().ToArray();

    [Fact]
    public void Fractions_Are_Evenly_Spaced_And_Include_Both_Ends()
    {
        Assert.Equal([0, 0.25, 0.5, 0.75, 1], Interpolation.Fractions(5));
        Assert.Equal([-0.5, 0.5, 1.5], Interpolation.Fractions(3, -0.5, 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Interpolation.Fractions(1));
    }

    [Fact]
    public void Lerp_Goes_In_A_Straight_Line_And_Extrapolates_Beyond_The_Ends()
    {
        using var a = torch.tensor(new float[] { 1, 0, 2 });
        using var b = torch.tensor(new float[] { 3, 4, 2 });
        using var path = Interpolation.Lerp(a, b, [0, 0.5, 1, 2, -1]);
        Assert.Equal([5L, 3], path.shape);
        Assert.Equal([1f, 0, 2], Row(path, 0));
        Assert.Equal([2f, 2, 2], Row(path, 1));
        Assert.Equal([3f, 4, 2], Row(path, 2));
        Assert.Equal([5f, 8, 2], Row(path, 3));     // 2b − a
        Assert.Equal([-1f, -4, 2], Row(path, 4));   // 2a − b
    }

    [Fact]
    public void Slerp_Starts_And_Ends_At_The_Codes_And_Keeps_A_Common_Norm()
    {
        using var generator = new torch.Generator(11);
        using var raw = torch.randn([2, 8], generator: generator);
        using var unit = raw / raw.norm(1, keepdim: true) * 3;   // two codes of norm 3
        var (a, b) = (unit[0], unit[1]);
        using var path = Interpolation.Slerp(a, b, Interpolation.Fractions(9));

        Assert.True(path[0].allclose(a, atol: 1e-5));
        Assert.True(path[8].allclose(b, atol: 1e-5));
        using var norms = path.norm(1);
        Assert.True(norms.allclose(torch.full(9, 3f), atol: 1e-4), string.Join(", ", norms.data<float>().ToArray()));
        using var lerpMiddle = Interpolation.Lerp(a, b, [0.5]);
        Assert.True(lerpMiddle.norm().item<float>() < 3 - 1e-3, "lerp's midpoint cuts inside the sphere");
    }

    [Fact]
    public void Slerp_Of_Orthogonal_Unit_Vectors_Is_A_Quarter_Circle()
    {
        using var a = torch.tensor(new float[] { 1, 0 });
        using var b = torch.tensor(new float[] { 0, 1 });
        using var path = Interpolation.Slerp(a, b, [0.5, 1.0 / 3]);
        float h = (float)Math.Sqrt(0.5);
        Assert.Equal(h, path[0, 0].item<float>(), 5);
        Assert.Equal(h, path[0, 1].item<float>(), 5);
        Assert.Equal((float)Math.Cos(Math.PI / 6), path[1, 0].item<float>(), 5);   // a third of the 90° arc
        Assert.Equal(0.5f, path[1, 1].item<float>(), 5);
    }

    [Fact]
    public void Slerp_Of_Parallel_Codes_Falls_Back_To_Lerp()
    {
        using var a = torch.tensor(new float[] { 1, 2 });
        using var b = torch.tensor(new float[] { 2, 4 });
        using var slerp = Interpolation.Slerp(a, b, [0.25, 0.5]);
        using var lerp = Interpolation.Lerp(a, b, [0.25, 0.5]);
        Assert.False(slerp.isnan().any().item<bool>());
        Assert.True(slerp.allclose(lerp, atol: 1e-6));
    }

    [Fact]
    public void Codes_Of_Different_Lengths_Are_Refused()
    {
        using var a = torch.zeros(3);
        using var b = torch.zeros(4);
        Assert.Equal("b", Assert.Throws<ArgumentException>(() => Interpolation.Lerp(a, b, [0.5])).ParamName);
    }
}
