using LatentWorkbench.Compute;
using LatentWorkbench.Latent;
using TorchSharp;

namespace LatentWorkbench.Tests.Latent;

public sealed class LatentArithmeticTests
{
    public LatentArithmeticTests() => TorchRuntime.EnsureInitialized();

    [Fact]
    public void Class_Means_Average_Each_Classes_Codes()
    {
        using var codes = torch.tensor(new float[] { 0, 0, 2, 2, 10, 0, 4, 6 }, [4, 2]);
        using var labels = torch.tensor(new long[] { 0, 0, 1, 0 });
        using var means = LatentArithmetic.ClassMeans(codes, labels, 2);
        Assert.Equal([2f, 8f / 3, 10, 0], means.flatten().data<float>().ToArray());
    }

    [Fact]
    public void A_Class_Without_Codes_Or_A_Label_Out_Of_Range_Is_Refused()
    {
        using var codes = torch.zeros(3, 2);
        using var labels = torch.tensor(new long[] { 0, 0, 2 });
        Assert.Contains("1 of the 3 classes", Assert.Throws<ArgumentException>(() => LatentArithmetic.ClassMeans(codes, labels, 3)).Message, StringComparison.Ordinal);
        Assert.Contains("[0, 2)", Assert.Throws<ArgumentException>(() => LatentArithmetic.ClassMeans(codes, labels, 2)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analogy_And_Class_Change_Are_The_Vector_Sums()
    {
        using var a = torch.tensor(new float[] { 1, 2 });
        using var b = torch.tensor(new float[] { 0, 1 });
        using var c = torch.tensor(new float[] { 5, 5 });
        Assert.Equal([6f, 6], LatentArithmetic.Analogy(a, b, c).data<float>().ToArray());
        using var means = torch.tensor(new float[] { 0, 0, 1, -1, 3, 3 }, [3, 2]);
        using var z = torch.tensor(new float[] { 1, 1, 2, 2 }, [2, 2]);
        using var moved = LatentArithmetic.ChangeClass(z, means, from: 1, to: 2);
        Assert.Equal([3f, 5, 4, 6], moved.flatten().data<float>().ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => LatentArithmetic.ChangeClass(z, means, 0, 3));
    }
}
