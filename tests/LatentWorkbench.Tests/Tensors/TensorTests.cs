using LatentWorkbench.Tensors;
using static LatentWorkbench.Ops.Functional;

namespace LatentWorkbench.Tests.Tensors;

public sealed class TensorTests
{
    [Fact]
    public void Reshape_Is_A_View_That_Shares_Storage()
    {
        var x = Tensor.FromArray([1f, 2f, 3f, 4f, 5f, 6f], 2, 3);
        var view = x.Reshape(3, -1);
        Assert.Equal([3, 2], view.Shape);
        view[2, 1] = 60f;
        Assert.Equal(60f, x[1, 2]);
    }

    [Fact]
    public void Rows_Is_A_View_Of_Consecutive_Rows()
    {
        var x = Tensor.FromArray([0f, 1f, 2f, 3f, 4f, 5f, 6f, 7f], 4, 2);
        var batch = x.Rows(1, 2);
        Assert.Equal([2f, 3f, 4f, 5f], batch.ToArray());
        batch[0, 0] = -1f;
        Assert.Equal(-1f, x[1, 0]);
    }

    [Fact]
    public void Reshape_With_Wrong_Element_Count_Names_Both_Shapes()
    {
        var error = Assert.Throws<ArgumentException>(() => Tensor.Zeros(2, 3).Reshape(4, 2));
        Assert.Contains("[2, 3]", error.Message, StringComparison.Ordinal);
        Assert.Contains("[4, 2]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_Than_Four_Dimensions_Are_Rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => Tensor.Zeros(1, 2, 3, 4, 5));
        Assert.Contains("at most 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Concat_Joins_Along_The_Given_Axis()
    {
        var a = Tensor.FromArray([1f, 2f, 3f, 4f], 2, 2);
        var b = Tensor.FromArray([5f, 6f], 2, 1);
        var joined = Concat([a, b], axis: 1);
        Assert.Equal([2, 3], joined.Shape);
        Assert.Equal([1f, 2f, 5f, 3f, 4f, 6f], joined.ToArray());
    }

    [Fact]
    public void Broadcasting_Follows_NumPy_Rules()
    {
        var column = Tensor.FromArray([1f, 2f], 2, 1);
        var row = Tensor.FromArray([10f, 20f, 30f], 3);
        var sum = column + row;
        Assert.Equal([2, 3], sum.Shape);
        Assert.Equal([11f, 21f, 31f, 12f, 22f, 32f], sum.ToArray());
        var error = Assert.Throws<ArgumentException>(() => Tensor.Zeros(2, 3) + Tensor.Zeros(2));
        Assert.Contains("cannot be broadcast", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_Shows_Shape_And_First_Values()
    {
        var text = Tensor.FromArray([0.5f, 1f, 1.5f, 2f, 2.5f, 3f, 3.5f, 4f], 2, 4).ToString();
        Assert.StartsWith("Tensor[2, 4] (0.5000, 1.0000", text, StringComparison.Ordinal);
        Assert.EndsWith("…)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_Seed_Gives_The_Same_Normals_With_Unit_Moments()
    {
        var a = Tensor.Randn(new TensorRandom(7), 100_000);
        var b = Tensor.Randn(new TensorRandom(7), 100_000);
        Assert.Equal(a.ToArray(), b.ToArray());
        double mean = a.ToArray().Average();
        double variance = a.ToArray().Select(v => (v - mean) * (v - mean)).Average();
        Assert.InRange(mean, -0.01, 0.01);
        Assert.InRange(variance, 0.98, 1.02);
        Assert.NotEqual(a.ToArray(), Tensor.Randn(new TensorRandom(8), 100_000).ToArray());
    }

    [Fact]
    public void Permutation_Contains_Every_Index_Once()
    {
        var order = new int[1000];
        new TensorRandom(3).Permutation(order);
        Assert.Equal(Enumerable.Range(0, 1000), order.Order());
        Assert.NotEqual(Enumerable.Range(0, 1000), order);
    }

    [Fact]
    public void Scope_Reclaims_Buffers_And_Invalidates_Its_Tensors()
    {
        var x = Tensor.Ones(1000);
        Tensor inside, detachedInside;
        using (TensorScope.Begin())
        {
            inside = Exp(x);
            detachedInside = inside.Detach();
            Assert.Equal(MathF.E, inside.AsSpan()[0], 5);
        }

        var error = Assert.Throws<InvalidOperationException>(() => inside.ToArray());
        Assert.Throws<InvalidOperationException>(() => detachedInside.ToArray());
        Assert.Contains("TensorScope", error.Message, StringComparison.Ordinal);
        Assert.Equal(1f, x.AsSpan()[0]);
    }

    [Fact]
    public void Scoped_Steps_Reuse_Their_Buffers()
    {
        var w = Tensor.Rand(new TensorRandom(1), [256, 256], -0.1f, 0.1f).RequireGrad();
        var x = Tensor.Rand(new TensorRandom(2), [64, 256]);
        void Step()
        {
            using var scope = TensorScope.Begin();
            Sum(Relu(MatMul(x, w))).Backward();
        }

        Step();
        long before = GC.GetAllocatedBytesForCurrentThread();
        Step();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 64 * 256 * sizeof(float), $"a steady-state step allocated {allocated} bytes: activation buffers are not being reused");
    }
}
