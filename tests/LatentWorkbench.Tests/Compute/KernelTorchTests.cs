using System.Diagnostics;
using LatentWorkbench.Tests.Notebooks;
using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Compute;

/// <summary>
/// torch in the notebook kernel as users have it: a kernel host process that has neither the library nor
/// TorchSharp of its own (tests/LatentWorkbench.KernelHost), a notebook that <c>#r</c>s the library's build output.
/// </summary>
public sealed class KernelTorchTests
{
    private static string Configuration => AppContext.BaseDirectory.Contains("/Debug/", StringComparison.Ordinal) ? "Debug" : "Release";

    private static string LibraryFolder => Path.Combine(NotebookTestFiles.RepositoryRoot, "src", "LatentWorkbench", "bin", Configuration, "net10.0");

    [Fact]
    public async Task A_Notebook_Resolves_A_Device_And_Computes_With_Torch()
    {
        string output = await RunInKernel(
            $"#r \"{Path.Combine(LibraryFolder, "LatentWorkbench.dll")}\"",
            "using LatentWorkbench.Compute;\nusing TorchSharp;\nvar device = Devices.Resolve(\"auto\");\nConsole.WriteLine($\"device={device.type}\");",
            "torch.arange(1, 5, dtype: torch.float32).reshape(2, 2).matmul(torch.ones(2, 2)).sum().item<float>()");
        Assert.Contains("device=CPU", output, StringComparison.Ordinal);
        Assert.Contains("20", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Torch_Works_Even_When_A_Cell_Calls_It_Before_Any_Library_Code()
    {
        string output = await RunInKernel(
            $"#r \"{Path.Combine(LibraryFolder, "TorchSharp.dll")}\"",
            "TorchSharp.torch.ones(3, 3).sum().item<float>()");
        Assert.Contains("9", output, StringComparison.Ordinal);
    }

    private static async Task<string> RunInKernel(params string[] cells)
    {
        using var temp = new TempDirectory();
        string notebook = NotebookTestFiles.WriteCodeNotebook(temp.File("torch.ipynb"), cells);
        string executed = temp.File("executed.ipynb");
        string host = Path.Combine(NotebookTestFiles.RepositoryRoot, "tests", "LatentWorkbench.KernelHost", "bin", Configuration, "net10.0", "LatentWorkbench.KernelHost.dll");
        var start = new ProcessStartInfo("dotnet", [host, notebook, executed]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"kernel host exited {process.ExitCode}: {stdout}\n{await stderr}\n{(File.Exists(executed) ? await File.ReadAllTextAsync(executed) : "")}");
        return await File.ReadAllTextAsync(executed);
    }
}
