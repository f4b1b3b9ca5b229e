using TorchSharp;

namespace LatentWorkbench.Tests.TestUtilities;

/// <summary>The model contracts' check that a loss reaches every parameter, on weights no other test can change.</summary>
internal static class GradientAssertions
{
    /// <summary>
    /// Redraws every parameter of <paramref name="module"/> from a generator of its own, then asserts that
    /// <paramref name="loss"/>'s backward pass gives each a non-zero gradient.
    /// </summary>
    /// <remarks>
    /// A model built after <c>torch.manual_seed</c> draws from the process-wide generator, which test classes running
    /// in parallel draw from too; an initialisation changed that way once left every channel of a small conv layer
    /// dead on its non-negative inputs (CI, 2026-12-02: "conv1.weight's gradient is zero"). Redrawn from a local
    /// generator, at PyTorch's default scale U(±1/√fan_in), the weights are the same on every run.
    /// </remarks>
    public static void ReachEveryParameter(torch.nn.Module module, Func<torch.Tensor> loss)
    {
        Redraw(module, seed: 11);
        module.train();
        using var scope = torch.NewDisposeScope();
        module.zero_grad();
        loss().backward();
        foreach (var (name, parameter) in module.named_parameters())
        {
            Assert.True(parameter.grad is not null, $"{name} got no gradient");
            Assert.True(parameter.grad!.abs().sum().item<float>() > 0, $"{name}'s gradient is zero");
        }
    }

    private static void Redraw(torch.nn.Module module, ulong seed)
    {
        using var generator = new torch.Generator(seed);
        using var noGrad = torch.no_grad();
        foreach (var parameter in module.parameters())
        {
            long fanIn = parameter.dim() >= 2 ? parameter.numel() / parameter.shape[0] : parameter.numel();
            double bound = 1 / Math.Sqrt(fanIn);
            parameter.uniform_(-bound, bound, generator);
        }
    }
}
