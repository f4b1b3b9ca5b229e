using System.Diagnostics;
using System.Text.Json;
using LatentWorkbench.Cli;
using LatentWorkbench.Compute;
using LatentWorkbench.Experiments;
using LatentWorkbench.Experiments.Autoencoders;
using LatentWorkbench.Runs;
using LatentWorkbench.Data;
using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Cli.Commands;

[Collection(MnistCollection.Name)]
public sealed class TrainCommandTests(MnistFixture mnist) : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_Built_Cli_Loads_Libtorch_Trains_And_Reuses_The_Stored_Run()
    {
        _ = mnist.Data;
        string json = _temp.File("vae.json"), store = _temp.File("runs.db");
        string[] train = ["train", "vae", "--epochs", "1", "--hidden", "32", "--latent", "2", "--device", "cpu", "--store", store, "--dir", MnistFixture.Directory];

        var (first, firstOutput) = await RunCli([.. train, "--json", json]);
        Assert.True(first == 0, firstOutput);
        Assert.Contains("device cpu", firstOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("reused run", firstOutput, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal(["epochs", "test_loss_sampled", "test_loss_mean", "peak_working_set_bytes"], document.RootElement.EnumerateObject().Select(p => p.Name));
        double trainedLoss = document.RootElement.GetProperty("test_loss_mean").GetDouble();
        Assert.InRange(trainedLoss, 100, 250);

        var (second, secondOutput) = await RunCli([.. train, "--json", json]);
        Assert.True(second == 0, secondOutput);
        Assert.Contains("reused run 1", secondOutput, StringComparison.Ordinal);
        using var cached = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal(trainedLoss, cached.RootElement.GetProperty("test_loss_mean").GetDouble(), 4);
        Assert.Single(cached.RootElement.GetProperty("epochs").EnumerateArray());

        var (forced, forcedOutput) = await RunCli([.. train, "--force"]);
        Assert.True(forced == 0, forcedOutput);
        Assert.DoesNotContain("reused run", forcedOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_Ae_Trains_The_Model_Notebook_02_Loads_From_The_Store()
    {
        string json = _temp.File("ae.json"), store = _temp.File("runs.db");
        var (code, output) = await RunCli(["train", "ae", "--code", "3", "--budget", "quick", "--epochs", "1", "--device", "cpu", "--store", store, "--dir", MnistFixture.Directory, "--json", json]);
        Assert.True(code == 0, output);
        Assert.Contains("MLP AE-3, 1 epochs, 2,000 training digits", output, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal(["epochs", "test_squared_error", "peak_working_set_bytes"], document.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.InRange(document.RootElement.GetProperty("test_squared_error").GetDouble(), 10, 80);

        // Notebook 02 builds its MLP options the same way (Defaults, then the budget, then its parameters).
        var notebookOptions = AutoencoderExperimentOptions.Defaults(AutoencoderArchitecture.Mlp).WithBudget(StudyBudget.Quick) with
        {
            CodeSize = 3,
            Device = DeviceChoice.Cpu,
        };
        notebookOptions = notebookOptions with { Training = notebookOptions.Training with { Epochs = 1 } };
        var runs = RunStore.Open(store);
        Assert.True(AutoencoderExperiment.IsStored(notebookOptions, mnist.Data, runs));
    }

    [Fact]
    public async Task A_Training_Killed_With_Sigkill_Shows_As_Interrupted_In_Runs_List()
    {
        _ = mnist.Data;
        string store = _temp.File("runs.db");
        var start = new ProcessStartInfo("dotnet", [Cli(), "train", "vae", "--epochs", "200", "--hidden", "32", "--latent", "2", "--device", "cpu", "--store", store, "--dir", MnistFixture.Directory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        using (var training = Process.Start(start)!)
        {
            // Drain its output so it never blocks on a full pipe, and wait until its run is in the store.
            var stdout = training.StandardOutput.ReadToEndAsync();
            var stderr = training.StandardError.ReadToEndAsync();
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (!(File.Exists(store) && LatentWorkbench.Runs.RunStore.OpenExisting(store).List().Any(r => r.Status == LatentWorkbench.Runs.RunStatus.Running)))
            {
                if (training.HasExited)
                {
                    Assert.Fail($"train vae ended before it was killed: {await stdout}{await stderr}");
                }

                Assert.True(DateTime.UtcNow < deadline, "train vae recorded no running run within 2 minutes");
                await Task.Delay(200);
            }

            training.Kill(entireProcessTree: true);   // SIGKILL: the process gets no chance to record anything
            await training.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        }

        var (code, output) = await RunCli(["runs", "list", "--store", store, "--json"]);
        Assert.True(code == 0, output);
        using var document = JsonDocument.Parse(output.Trim());
        var run = Assert.Single(document.RootElement.GetProperty("runs").EnumerateArray());
        Assert.Equal("interrupted", run.GetProperty("status").GetString());
        Assert.Contains("ended without finishing the run", run.GetProperty("message").GetString(), StringComparison.Ordinal);

        var (table, text) = await RunCli(["runs", "list", "--store", store]);
        Assert.True(table == 0, text);
        Assert.Contains("interrupted", text, StringComparison.Ordinal);
        Assert.DoesNotContain("running", text, StringComparison.Ordinal);
    }

    private static string Cli()
    {
        string root = DataPaths.FindRepositoryRoot(AppContext.BaseDirectory)!;
        string configuration = AppContext.BaseDirectory.Contains("/Debug/", StringComparison.Ordinal) ? "Debug" : "Release";
        return Path.Combine(root, "src", "LatentWorkbench.Cli", "bin", configuration, "net10.0", "workbench.dll");
    }

    private static async Task<(int ExitCode, string Output)> RunCli(string[] arguments)
    {
        string cli = Cli();
        // An explicit working directory: another test may have left this process in a notebook folder it then deleted,
        // and libtorch's MKL cannot load itself from a process whose current directory is gone.
        var start = new ProcessStartInfo("dotnet", [cli, .. arguments]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, $"{stdout}\n{await stderr}");
    }

    [Fact]
    public async Task An_Iwae_Trains_Through_The_Same_Command_And_Is_Stored_Under_Its_Own_Name()
    {
        _ = mnist.Data;
        string store = _temp.File("runs.db");
        string[] train = ["train", "vae", "--epochs", "1", "--hidden", "32", "--latent", "2", "--iwae-k", "2", "--device", "cpu", "--store", store, "--dir", MnistFixture.Directory];

        var (code, output) = await RunCli(train);
        Assert.True(code == 0, output);
        Assert.Contains("model: VAE 784-32-2 · IWAE K=2", output, StringComparison.Ordinal);
        Assert.Contains("weight_divergence", output, StringComparison.Ordinal);

        var (listed, runs) = await RunCli(["runs", "list", "--store", store, "--json"]);
        Assert.True(listed == 0, runs);
        using var document = JsonDocument.Parse(runs.Trim());   // runs list writes nothing to stderr
        Assert.Equal("iwae", Assert.Single(document.RootElement.GetProperty("runs").EnumerateArray()).GetProperty("model").GetString());
    }

    [Fact]
    public async Task Beta_And_Iwae_K_Exclude_Each_Other_Before_Anything_Runs()
    {
        var (code, output) = await RunCli(["train", "vae", "--beta", "4", "--iwae-k", "5", "--store", _temp.File("runs.db"), "--dir", MnistFixture.Directory]);
        Assert.NotEqual(0, code);
        Assert.Contains("error: --beta and --iwae-k exclude each other", output, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.File("runs.db")));
    }

    [Fact]
    public async Task An_Unknown_Device_Fails_With_A_Message_Naming_The_Option()
    {
        // Out of process: Console.Error is process-wide, and parallel tests redirect it.
        var (code, output) = await RunCli(["train", "vae", "--device", "tpu", "--store", _temp.File("runs.db"), "--dir", MnistFixture.Directory]);
        Assert.NotEqual(0, code);
        Assert.Contains("error: --device must be auto, cpu or cuda; got 'tpu'", output, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.File("runs.db")), "a rejected command must not create the run store");
    }
}
