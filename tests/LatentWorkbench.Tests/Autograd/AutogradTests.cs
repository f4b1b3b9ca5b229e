using LatentWorkbench.Autograd;
using LatentWorkbench.Tensors;
using static LatentWorkbench.Ops.Functional;

namespace LatentWorkbench.Tests.Autograd;

public sealed class AutogradTests
{
    [Fact]
    public void Shared_Subexpression_Accumulates_Both_Paths()
    {
        var x = Tensor.FromArray([1.5f, -2f]).RequireGrad();
        Sum(Add(Mul(x, x), x)).Backward();
        Assert.Equal([4f, -3f], x.Grad!.ToArray()); // d(x² + x)/dx = 2x + 1
    }

    [Fact]
    public void Backward_Twice_From_Fresh_Graphs_Accumulates_Into_Leaf_Gradients()
    {
        var w = Tensor.FromArray([2f, 3f]).RequireGrad();
        Sum(Scale(w, 3f)).Backward();
        Sum(Scale(w, 3f)).Backward();
        Assert.Equal([6f, 6f], w.Grad!.ToArray());
        w.ZeroGrad();
        Assert.Equal([0f, 0f], w.Grad!.ToArray());
    }

    [Fact]
    public void NoGrad_Scope_Records_Nothing_And_Restores_Recording()
    {
        var w = Tensor.FromArray([2f]).RequireGrad();
        using (GradMode.NoGrad())
        {
            var y = Exp(w);
            Assert.False(y.RequiresGrad);
            Assert.True(y.IsLeaf);
        }

        Assert.True(GradMode.IsEnabled);
        Assert.True(Exp(w).RequiresGrad);
    }

    [Fact]
    public void Detach_Stops_The_Gradient_But_Shares_Values()
    {
        var x = Tensor.FromArray([3f]).RequireGrad();
        var detached = Mul(x, x).Detach();
        Assert.False(detached.RequiresGrad);
        Assert.Equal(9f, detached.Item());
        Sum(Add(Mul(detached, x), x)).Backward();
        Assert.Equal(10f, x.Grad!.Item()); // d(9x + x)/dx with the detached factor held constant
    }

    [Fact]
    public void Graph_Is_Released_After_Backward()
    {
        var x = Tensor.FromArray([1f, 2f]).RequireGrad();
        var hidden = Exp(x);
        var loss = Sum(hidden);
        loss.Backward();
        Assert.True(hidden.IsLeaf);
        Assert.Null(hidden.Grad);
        var error = Assert.Throws<InvalidOperationException>(() => loss.Backward());
        Assert.Contains("already released", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Backward_Without_Gradient_Needs_A_Scalar()
    {
        var x = Tensor.FromArray([1f, 2f]).RequireGrad();
        var error = Assert.Throws<ArgumentException>(() => Exp(x).Backward());
        Assert.Contains("one-element", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Backward_On_A_Tensor_Without_Gradients_Explains_Why()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Sum(Tensor.Ones(3)).Backward());
        Assert.Contains("requires gradients", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_Chains_Do_Not_Overflow_The_Stack()
    {
        var x = Tensor.FromArray([1f]).RequireGrad();
        var y = x;
        for (int i = 0; i < 20_000; i++)
        {
            y = AddScalar(y, 0f);
        }

        Sum(y).Backward();
        Assert.Equal(1f, x.Grad!.Item());
    }

    [Fact]
    public void ZeroGrad_Then_Backward_Gives_The_Fresh_Gradient_Not_The_Sum()
    {
        var w = Tensor.FromArray([0.5f, -1f, 2f, 0.25f, 1f, -0.5f], 3, 2).RequireGrad();
        var b = Tensor.FromArray([0.1f, 0.2f, 0.3f]).RequireGrad();
        var x = Tensor.FromArray([1f, 2f, -1f, 0.5f], 2, 2);
        Sum(Linear(x, w, b)).Backward();
        float[] fresh = w.Grad!.ToArray(), freshBias = b.Grad!.ToArray();
        Sum(Linear(x, w, b)).Backward();
        Assert.Equal(fresh.Select(v => 2 * v), w.Grad!.ToArray());
        w.ZeroGrad();
        b.ZeroGrad();
        Assert.All(w.Grad!.ToArray(), v => Assert.Equal(0f, v));
        w.ZeroGrad();
        b.ZeroGrad();
        Sum(Linear(x, w, b)).Backward();
        Assert.Equal(fresh, w.Grad!.ToArray());
        Assert.Equal(freshBias, b.Grad!.ToArray());
    }
}
