using LatentWorkbench.Models.Layers;
using TorchSharp;
using static TorchSharp.torch;

namespace LatentWorkbench.Tests.Models.Layers;

/// <summary>The SGEMM-backed linear layer against libtorch's own: the same values and the same gradients.</summary>
public sealed class DenseLayersTests
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(3, 5, 7)]
    [InlineData(128, 784, 1000)]
    [InlineData(37, 250, 30)]
    public void Values_And_Gradients_Equal_Libtorchs(int rows, int inputs, int outputs)
    {
        using var scope = NewDisposeScope();
        var generator = new Generator(17);
        var layer = nn.Linear(inputs, outputs);
        var x = randn([rows, inputs], generator: generator).requires_grad_();
        var upstream = randn([rows, outputs], generator: generator);

        var ours = Sgemm(layer, x);
        var (dxOurs, dwOurs, dbOurs) = Gradients(ours, upstream, x, layer);
        var theirs = layer.forward(x);
        var (dxTheirs, dwTheirs, dbTheirs) = Gradients(theirs, upstream, x, layer);

        float tolerance = 1e-4f * MathF.Sqrt(Math.Max(inputs, rows));
        Assert.True(ours.allclose(theirs, rtol: 1e-4, atol: tolerance), $"y differs by {(ours - theirs).abs().max().item<float>()}");
        Assert.True(dxOurs.allclose(dxTheirs, rtol: 1e-4, atol: tolerance), $"dx differs by {(dxOurs - dxTheirs).abs().max().item<float>()}");
        Assert.True(dwOurs.allclose(dwTheirs, rtol: 1e-4, atol: tolerance), $"dW differs by {(dwOurs - dwTheirs).abs().max().item<float>()}");
        Assert.True(dbOurs.allclose(dbTheirs, rtol: 1e-4, atol: tolerance), $"db differs by {(dbOurs - dbTheirs).abs().max().item<float>()}");
    }

    [Fact]
    public void An_Input_Without_Gradient_Still_Trains_The_Weights()
    {
        using var scope = NewDisposeScope();
        var layer = nn.Linear(6, 4);
        var x = rand(5, 6);
        Sgemm(layer, x).sum().backward();
        Assert.False(x.requires_grad);
        Assert.Equal(x.sum(0L).expand(4, 6).data<float>().ToArray(), layer.weight!.grad!.data<float>().ToArray(), new ToleranceComparer(1e-5f));
        Assert.Equal(Enumerable.Repeat(5f, 4), layer.bias!.grad!.data<float>().ToArray());
    }

    [Fact]
    public void Stack_Forward_Equals_The_Sequentials_Own()
    {
        using var scope = NewDisposeScope();
        var stack = nn.Sequential(nn.Linear(8, 6), nn.ReLU(), nn.Linear(6, 2));
        var x = rand(9, 8);
        Assert.True(DenseLayers.Forward(stack, x).allclose(stack.forward(x), rtol: 1e-5, atol: 1e-6));
    }

    // The SGEMM layer itself, whatever DenseLayers.UseOwnGemmOnCpu says (a process-wide switch tests must not flip).
    private static Tensor Sgemm(TorchSharp.Modules.Linear layer, Tensor x) => SgemmLinearFunction.apply(x, layer.weight!, layer.bias!);

    private static (Tensor Dx, Tensor Dw, Tensor Db) Gradients(Tensor y, Tensor upstream, Tensor x, TorchSharp.Modules.Linear layer)
    {
        var grads = autograd.grad([y], [x, layer.weight!, layer.bias!], [upstream]);
        return (grads[0], grads[1], grads[2]);
    }

    private sealed class ToleranceComparer(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float a, float b) => MathF.Abs(a - b) <= tolerance;

        public int GetHashCode(float value) => 0;
    }
}
