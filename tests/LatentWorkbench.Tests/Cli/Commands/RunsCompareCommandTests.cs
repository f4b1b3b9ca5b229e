using System.CommandLine;
using LatentWorkbench.Cli.Commands;
using LatentWorkbench.Compute;
using LatentWorkbench.Experiments.Vaes;
using LatentWorkbench.Models.Vaes;
using LatentWorkbench.Runs;
using LatentWorkbench.Tests.TestUtilities;
using LatentWorkbench.Training;

namespace LatentWorkbench.Tests.Cli.Commands;

// Trains real (tiny) VAEs with a seed: torch's global generator must be ours alone while they train.
[Collection(LatentWorkbench.Tests.Models.GlobalTorchGeneratorCollection.Name)]
public sealed class RunsCompareCommandTests : IDisposable
{
    private static readonly MnistFixture Mnist = new();
    private readonly TempDirectory _temp = new();
    private readonly string _storePath;

    public RunsCompareCommandTests() => _storePath = _temp.File("runs.db");

    public void Dispose() => _temp.Dispose();

    // A few hundred digits, one epoch, a small network: well under a second per run on 2 cores.
    private static VaeExperimentOptions Tiny(int latent, int hidden = 16) => VaeExperimentOptions.Default with
    {
        Model = new VaeConfig(784, hidden, latent),
        TrainCount = 256,
        TestCount = 64,
        Training = new TrainerOptions { Epochs = 1, BatchSize = 64 },
        Device = DeviceChoice.Cpu,
    };

    private void TrainThreeLatentSizes()
    {
        var store = RunStore.Open(_storePath);
        foreach (int latent in new[] { 2, 10, 20 })
        {
            VaeExperiment.Run(Tiny(latent), Mnist.Data, store: store);
        }
    }

    private static async Task<(int ExitCode, string Output)> Run(params string[] args)
    {
        using var output = new StringWriter();
        var error = Console.Error;
        using var errors = new StringWriter();
        Console.SetError(errors);
        try
        {
            var root = new RootCommand { RunsCommand.Create(output) };
            int exitCode = await root.Parse(args).InvokeAsync();
            return (exitCode, output + errors.ToString());
        }
        finally
        {
            Console.SetError(error);
        }
    }

    [Fact]
    public async Task Compare_Draws_A_Chart_From_A_Store_With_Three_Latent_Sizes_And_Writes_The_Table()
    {
        TrainThreeLatentSizes();
        string chart = _temp.File("chart.svg"), csv = _temp.File("table.csv");

        var (exitCode, output) = await Run("runs", "compare", "--family", "vae", "--x", "latent", "--y", "train_loss", "--out", chart, "--csv", csv, "--store", _storePath);

        Assert.True(exitCode == 0, output);
        Assert.Contains("3 completed runs of 'vae'; varying: latent_size", output, StringComparison.Ordinal);
        Assert.Matches(@"line: 2 → [\d.]+ \(run 1\), 10 → [\d.]+ \(run 2\), 20 → [\d.]+ \(run 3\)", output);
        string svg = File.ReadAllText(chart);
        Assert.StartsWith("<svg", svg.TrimStart(), StringComparison.Ordinal);
        Assert.Contains("train_loss against latent_size", svg, StringComparison.Ordinal);
        // One marker per run: the three latent sizes are three points.
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Matches(svg, "<circle").Count);
        string[] rows = File.ReadAllLines(csv);
        Assert.Equal(4, rows.Length);
        Assert.Contains("model.latent_size", rows[0], StringComparison.Ordinal);
        Assert.Contains("train_loss", rows[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Where_Filters_By_A_Config_Field_And_A_Second_Setting_Becomes_A_Line_Of_Its_Own()
    {
        TrainThreeLatentSizes();
        VaeExperiment.Run(Tiny(2, hidden: 32), Mnist.Data, store: RunStore.Open(_storePath));

        var (exitCode, output) = await Run("runs", "compare", "--family", "vae", "--where", "latent=2,20", "--x", "latent", "--y", "train_loss", "--store", _storePath);

        Assert.True(exitCode == 0, output);
        Assert.Contains("3 completed runs of 'vae' where model.latent_size=2,20; varying: hidden_size, latent_size", output, StringComparison.Ordinal);
        Assert.Matches(@"hidden_size=16: 2 → [\d.]+ \(run 1\), 20 → [\d.]+ \(run 3\)", output);
        Assert.Matches(@"hidden_size=32: 2 → [\d.]+ \(run 4\)", output);
    }

    [Fact]
    public async Task An_Unknown_Field_Fails_With_Exit_Code_1_Naming_It_And_Listing_The_Fields_Before_Anything_Is_Written()
    {
        TrainThreeLatentSizes();
        string chart = _temp.File("chart.svg");

        var (exitCode, output) = await Run("runs", "compare", "--family", "vae", "--x", "latnt", "--y", "train_loss", "--out", chart, "--store", _storePath);

        Assert.Equal(CliAction.Failure, exitCode);
        Assert.Contains("error: There is no config field 'latnt' in 'vae'; the config fields are: data, model.hidden_size, model.input_size, model.latent_size", output, StringComparison.Ordinal);
        Assert.DoesNotContain("completed runs", output, StringComparison.Ordinal);
        Assert.False(File.Exists(chart));
    }

    [Fact]
    public async Task An_Empty_Store_Says_No_Runs_Yet_And_Fails_Only_When_A_File_Was_Asked_For()
    {
        RunStore.Open(_storePath);

        var (listed, text) = await Run("runs", "compare", "--family", "vae", "--store", _storePath);
        var (drawn, error) = await Run("runs", "compare", "--family", "vae", "--x", "latent", "--y", "train_loss", "--out", _temp.File("c.svg"), "--store", _storePath);
        var (missing, none) = await Run("runs", "compare", "--store", _temp.File("nowhere.db"));

        Assert.Equal(0, listed);
        Assert.Contains("No completed runs of 'vae' yet", text, StringComparison.Ordinal);
        Assert.Equal(CliAction.Failure, drawn);
        Assert.Contains("error: Nothing to write", error, StringComparison.Ordinal);
        Assert.Equal(0, missing);
        Assert.Contains("there is no store at", none, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_Shows_Every_Notebook_Run_Kept_In_The_Store()
    {
        var store = RunStore.Open(_storePath);
        store.RecordNotebookRun("03-vae-training.ipynb", DateTime.UtcNow, """{"seed":1}""", new Dictionary<string, string> { ["vae_test_loss"] = "105.5" }, true);
        store.RecordNotebookRun("03-vae-training.ipynb", DateTime.UtcNow, """{"seed":2}""", new Dictionary<string, string> { ["vae_test_loss"] = "104.75" }, true);
        string csv = _temp.File("history.csv");

        var (exitCode, output) = await Run("runs", "history", "--notebook", "03", "--csv", csv, "--store", _storePath);

        Assert.True(exitCode == 0, output);
        Assert.Contains("2 recorded runs of '03'", output, StringComparison.Ordinal);
        Assert.Contains("seed=1", output, StringComparison.Ordinal);
        Assert.Contains("104.75", output, StringComparison.Ordinal);
        Assert.Equal(3, File.ReadAllLines(csv).Length);
    }
}
