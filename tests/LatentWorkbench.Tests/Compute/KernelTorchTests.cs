using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Compute;

/// <summary>torch in the notebook kernel as users have it (<see cref="KernelHostProcess"/>).</summary>
public sealed class KernelTorchTests
{
    [Fact]
    public async Task A_Notebook_Resolves_A_Device_And_Computes_With_Torch()
    {
        string output = await KernelHostProcess.Run(
            $"#r \"{Path.Combine(KernelHostProcess.LibraryFolder, "LatentWorkbench.dll")}\"",
            "using LatentWorkbench.Compute;\nusing TorchSharp;\nvar device = Devices.Resolve(\"auto\");\nConsole.WriteLine($\"device={device.type}\");",
            "torch.arange(1, 5, dtype: torch.float32).reshape(2, 2).matmul(torch.ones(2, 2)).sum().item<float>()");
        Assert.Contains("device=CPU", output, StringComparison.Ordinal);
        Assert.Contains("20", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Torch_Works_Even_When_A_Cell_Calls_It_Before_Any_Library_Code()
    {
        string output = await KernelHostProcess.Run(
            $"#r \"{Path.Combine(KernelHostProcess.LibraryFolder, "TorchSharp.dll")}\"",
            "TorchSharp.torch.ones(3, 3).sum().item<float>()");
        Assert.Contains("9", output, StringComparison.Ordinal);
    }
}
