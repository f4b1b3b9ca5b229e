using System.Diagnostics;
using System.Text.Json;
using LatentWorkbench.Cli;
using LatentWorkbench.Data;
using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Cli;

[Collection(MnistCollection.Name)]
public sealed class TrainCommandTests(MnistFixture mnist) : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_Built_Cli_Loads_Libtorch_And_Trains_In_Its_Own_Process()
    {
        _ = mnist.Data;
        string root = DataPaths.FindRepositoryRoot(AppContext.BaseDirectory)!;
        string configuration = AppContext.BaseDirectory.Contains("/Debug/", StringComparison.Ordinal) ? "Debug" : "Release";
        string cli = Path.Combine(root, "src", "LatentWorkbench.Cli", "bin", configuration, "net10.0", "workbench.dll");
        string json = _temp.File("vae.json");
        var start = new ProcessStartInfo("dotnet", [cli, "train", "vae", "--epochs", "1", "--hidden", "32", "--latent", "2", "--device", "cpu", "--json", json, "--dir", MnistFixture.Directory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {stdout}\n{await stderr}");
        Assert.Contains("device cpu", stdout, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal(["epochs", "test_loss_sampled", "test_loss_mean", "peak_working_set_bytes"], document.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.InRange(document.RootElement.GetProperty("test_loss_mean").GetDouble(), 100, 250);
    }

    [Fact]
    public async Task An_Unknown_Device_Fails_With_A_Message_Naming_The_Option()
    {
        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        try
        {
            int code = await Program.BuildRoot().Parse(["train", "vae", "--device", "tpu", "--dir", MnistFixture.Directory]).InvokeAsync();
            Assert.NotEqual(0, code);
        }
        finally
        {
            Console.SetError(previous);
        }

        Assert.Contains("--device must be auto, cpu or cuda; got 'tpu'", error.ToString(), StringComparison.Ordinal);
    }
}
