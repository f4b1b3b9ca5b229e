using LatentWorkbench.Models.Gans;
using TorchSharp;

namespace LatentWorkbench.Tests.Models.Gans;

public sealed class SpectralNormLinearTests
{
    private static float[] Values(torch.Tensor t) => t.detach().flatten().data<float>().ToArray();

    [Fact]
    public void Power_Iteration_Finds_The_Largest_Singular_Value_And_The_Output_Uses_The_Normalised_Weight()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(0);
        var layer = new SpectralNormLinear(5, 3);
        var input = torch.rand([4, 5], generator: new torch.Generator(1));
        layer.train();
        for (int i = 0; i < 50; i++)
        {
            layer.forward(input);
        }

        var weight = layer.parameters().Single(p => p.dim() == 2).detach();
        var bias = layer.parameters().Single(p => p.dim() == 1).detach();
        double sigma = torch.linalg.svdvals(weight)[0].item<float>();
        Assert.Equal(sigma, layer.SpectralNorm, 4);
        layer.eval();
        var expected = torch.nn.functional.linear(input, weight / sigma, bias);
        Assert.All(Values(layer.forward(input)).Zip(Values(expected)), p => Assert.Equal(p.Second, p.First, 4));
    }

    [Fact]
    public void Eval_Mode_Leaves_The_Estimate_Alone_And_Training_Mode_Refines_It()
    {
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(2);
        var layer = new SpectralNormLinear(6, 4);
        var input = torch.rand([3, 6], generator: new torch.Generator(3));
        layer.eval();
        double before = layer.SpectralNorm;
        var first = Values(layer.forward(input));
        Assert.Equal(first, Values(layer.forward(input)));
        Assert.Equal(before, layer.SpectralNorm);
        layer.train();
        layer.forward(input);
        Assert.NotEqual(before, layer.SpectralNorm);
    }

    [Fact]
    public void Two_Forward_Passes_Share_One_Backward_Pass_And_The_Gradient_Reaches_Weight_And_Bias()
    {
        // A discriminator scores the real and the generated batch before one backward pass; the second forward pass
        // refines u in place, which must not invalidate the first pass's graph.
        using var scope = torch.NewDisposeScope();
        torch.manual_seed(4);
        var layer = new SpectralNormLinear(3, 2);
        layer.train();
        var loss = layer.forward(torch.rand([5, 3])).sum() + layer.forward(torch.rand([5, 3])).square().sum();
        loss.backward();
        Assert.All(layer.parameters(), p => Assert.True(p.grad is { } g && g.abs().sum().item<float>() > 0));
    }

    [Fact]
    public void The_Estimate_Is_Saved_With_The_Weights_Under_PyTorchs_Names()
    {
        using var scope = torch.NewDisposeScope();
        var keys = new SpectralNormLinear(3, 2).state_dict().Keys.Order().ToArray();
        Assert.Equal(["linear.bias", "linear.weight", "weight_u"], keys);
    }
}
