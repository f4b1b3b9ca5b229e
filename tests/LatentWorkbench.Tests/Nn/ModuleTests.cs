using LatentWorkbench.Autograd;
using LatentWorkbench.Nn;
using LatentWorkbench.Tensors;

namespace LatentWorkbench.Tests.Nn;

public sealed class ModuleTests
{
    [Fact]
    public void Named_Parameters_Use_Dotted_Paths_Like_PyTorch()
    {
        var random = new TensorRandom(0);
        var model = new Sequential(new Linear(3, 4, random), new ReLU(), new Linear(4, 2, random, bias: false));
        Assert.Equal(["0.weight", "0.bias", "2.weight"], model.NamedParameters().Select(p => p.Name));
        Assert.All(model.Parameters(), p => Assert.True(p.RequiresGrad));
    }

    [Fact]
    public void Linear_Initialization_Stays_Within_PyTorch_Bounds()
    {
        var layer = new Linear(400, 300, new TensorRandom(1));
        float bound = 1f / MathF.Sqrt(400);
        Assert.All(layer.Weight.ToArray(), w => Assert.InRange(w, -bound, bound));
        Assert.All(layer.Bias!.ToArray(), b => Assert.InRange(b, -bound, bound));
        double std = Math.Sqrt(layer.Weight.ToArray().Select(w => (double)w * w).Average());
        Assert.InRange(std, 0.9 * bound / Math.Sqrt(3), 1.1 * bound / Math.Sqrt(3)); // U(−b, b) has std b/√3
    }

    [Fact]
    public void State_Dict_Round_Trips_Into_A_Fresh_Module()
    {
        var source = new Linear(5, 3, new TensorRandom(1));
        var target = new Linear(5, 3, new TensorRandom(2));
        target.LoadStateDict(source.StateDict());
        Assert.Equal(source.Weight.ToArray(), target.Weight.ToArray());
        Assert.Equal(source.Bias!.ToArray(), target.Bias!.ToArray());
    }

    [Fact]
    public void Loading_A_Mismatched_State_Dict_Names_The_Problem()
    {
        var model = new Linear(5, 3, new TensorRandom(1));
        var wrongShape = new Dictionary<string, Tensor> { ["weight"] = Tensor.Zeros(3, 4), ["bias"] = Tensor.Zeros(3) };
        Assert.Contains("'weight'", Assert.Throws<ArgumentException>(() => model.LoadStateDict(wrongShape)).Message, StringComparison.Ordinal);
        var missing = new Dictionary<string, Tensor> { ["weight"] = Tensor.Zeros(3, 5), ["extra"] = Tensor.Zeros(1) };
        var error = Assert.Throws<ArgumentException>(() => model.LoadStateDict(missing));
        Assert.Contains("missing [bias]", error.Message, StringComparison.Ordinal);
        Assert.Contains("unexpected [extra]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_Propagates_To_Children_And_Turns_Dropout_Off()
    {
        var dropout = new Dropout(0.5f, new TensorRandom(3));
        var model = new Sequential(dropout);
        var x = Tensor.Ones(1000);
        using var noGrad = GradMode.NoGrad();
        var trained = model.Forward(x).ToArray();
        Assert.Contains(0f, trained);
        Assert.Contains(2f, trained);
        model.Eval();
        Assert.False(dropout.IsTraining);
        Assert.Equal(x.ToArray(), model.Forward(x).ToArray());
    }
}
