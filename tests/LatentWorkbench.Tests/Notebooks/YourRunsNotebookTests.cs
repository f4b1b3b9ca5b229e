using LatentWorkbench.Compute;
using LatentWorkbench.Experiments.Vaes;
using LatentWorkbench.Models.Vaes;
using LatentWorkbench.Notebooks.Execution;
using LatentWorkbench.Notebooks.Formatting;
using LatentWorkbench.Notebooks.Model;
using LatentWorkbench.Runs;
using LatentWorkbench.Tests.TestUtilities;
using LatentWorkbench.Training;

namespace LatentWorkbench.Tests.Notebooks;

/// <summary>notebooks/07-your-runs.ipynb against stores of known content (the shipped-notebook tests run it on whatever the repository's store holds).</summary>
[Collection(NotebookRunsCollection.Name)]
public sealed class YourRunsNotebookTests
{
    private static string NotebookPath => Path.Combine(NotebookTestFiles.RepositoryRoot, "notebooks", "07-your-runs.ipynb");

    private static async Task<(NotebookRunResult Result, string Text, string ChartSvg)> RunWithStore(string store, TempDirectory scratch)
    {
        string? previous = Environment.GetEnvironmentVariable(RunStore.PathVariable);
        try
        {
            Environment.SetEnvironmentVariable(RunStore.PathVariable, store);
            var result = await new NotebookRunner(NotebookRunOptions.IntoDirectory(scratch.Path, NotebookPath) with { Quick = true }).RunAsync(NotebookPath);
            var bundles = result.Notebook.Cells.SelectMany(c => c.Outputs).Select(o => o["data"]?.AsObject()).OfType<System.Text.Json.Nodes.JsonObject>().ToList();
            string text = string.Join("\n", bundles.Select(b => b[MimeTypes.PlainText]).Where(t => t is not null).Select(t => IpynbSerializer.JoinLines(t)));
            // The one chart (a table's SVG has no plot panel).
            string figures = Path.Combine(scratch.Path, "figures", "07-your-runs");
            string chart = Assert.Single(result.Figures.Where(f => f.SvgFile is not null).Select(f => File.ReadAllText(Path.Combine(figures, f.SvgFile!))),
                svg => svg.Contains("class=\"panel\"", StringComparison.Ordinal));
            return (result, text, chart);
        }
        finally
        {
            Environment.SetEnvironmentVariable(RunStore.PathVariable, previous);
        }
    }

    [Fact]
    public async Task On_An_Empty_Store_It_Runs_To_The_End_And_Says_There_Are_No_Runs_Yet()
    {
        using var scratch = new TempDirectory();

        var (result, text, chart) = await RunWithStore(scratch.File("runs.db"), scratch);

        Assert.True(result.Succeeded, $"cell {result.Failure?.CellNumber}: {result.Failure?.Message}");
        Assert.Contains("No completed runs of 'vae' yet (the store holds no completed runs", text, StringComparison.Ordinal);
        Assert.Contains("No notebook runs of '03-vae-training' recorded yet", text, StringComparison.Ordinal);
        Assert.Equal(0, result.Recorded["compared_runs"]!.GetValue<int>());
        Assert.DoesNotContain("<circle", chart, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_A_Store_With_Three_Latent_Sizes_It_Tables_Them_And_Draws_Three_Points()
    {
        using var scratch = new TempDirectory();
        string store = scratch.File("runs.db");
        var runStore = RunStore.Open(store);
        var data = new MnistFixture().Data;
        foreach (int latent in new[] { 2, 10, 20 })
        {
            var options = VaeExperimentOptions.Default with
            {
                Model = new VaeConfig(784, 16, latent),
                TrainCount = 256,
                TestCount = 64,
                Training = new TrainerOptions { Epochs = 1, BatchSize = 64 },
                Device = DeviceChoice.Cpu,
            };
            VaeExperiment.Run(options, data, store: runStore);
        }

        var (result, text, chart) = await RunWithStore(store, scratch);

        Assert.True(result.Succeeded, $"cell {result.Failure?.CellNumber}: {result.Failure?.Message}");
        Assert.Contains("3 completed runs of 'vae'; varying: latent_size", text, StringComparison.Ordinal);
        Assert.Equal(3, result.Recorded["compared_runs"]!.GetValue<int>());
        Assert.Contains("train_loss against latent_size", chart, StringComparison.Ordinal);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Matches(chart, "<circle").Count);
    }
}
