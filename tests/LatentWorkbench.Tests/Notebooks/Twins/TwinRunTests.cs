using System.Diagnostics;
using System.Text.Json.Nodes;
using LatentWorkbench.Notebooks.Artifacts;
using LatentWorkbench.Notebooks.Execution;
using LatentWorkbench.Notebooks.Model;
using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Notebooks.Twins;

/// <summary>
/// A twin runs on its own, <c>dotnet run notebooks/01-mnist-and-pca.cs</c> (no kernel), and records what the runner records
/// for the same parameters. One twin here (its first build takes a minute); the others are run by hand (docs/twins.md).
/// </summary>
[Collection(NotebookRunsCollection.Name)]
public sealed class TwinRunTests
{
    private const string Notebook = "01-mnist-and-pca";

    [Fact]
    public async Task Notebook_01s_Twin_Runs_Quick_And_Records_The_Runners_Values()
    {
        _ = new MnistFixture().Data;
        using var scratch = new TempDirectory();
        string root = NotebookTestFiles.RepositoryRoot;
        var runner = await new NotebookRunner(NotebookRunOptions.IntoDirectory(scratch.File("runner"), Notebook + ".ipynb") with { Quick = true })
            .RunAsync(Path.Combine(root, "notebooks", Notebook + ".ipynb"));
        Assert.True(runner.Succeeded, runner.Failure?.Message);

        string twinOut = scratch.File("twin");
        var (exit, output) = await RunTwinAsync(root, scratch, "--quick", "--out", twinOut);

        Assert.True(exit == 0, output);
        var metrics = MetricsFile.Read(Path.Combine(twinOut, MetricsFile.FileName))[Notebook + ".ipynb"]!.AsObject();
        Assert.NotEmpty(runner.Recorded);
        Assert.True(JsonNode.DeepEquals(runner.Recorded, metrics), $"runner {runner.Recorded.ToJsonString()}\ntwin {metrics.ToJsonString()}");
        var executed = LatentWorkbench.Notebooks.Model.Notebook.Load(Path.Combine(twinOut, Notebook + ".ipynb"));
        Assert.Equal("Quick", executed.Metadata["papermill"]!["parameters"]!["budget"]!.GetValue<string>());
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(twinOut, "figures", Notebook, "figures.json")))!;
        Assert.Equal(runner.Figures.Select(f => f.Id), manifest["figures"]!.AsArray().Select(f => f!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_Bad_Parameter_Gets_The_Runners_Error_And_Exit_Code_1_With_Nothing_Written()
    {
        using var scratch = new TempDirectory();
        string twinOut = scratch.File("twin");
        var (exit, output) = await RunTwinAsync(NotebookTestFiles.RepositoryRoot, scratch, "--set", "budget=fast", "--out", twinOut);

        Assert.Equal(1, exit);
        Assert.Contains("Parameter 'budget' is a StudyBudget (default, quick, long); 'fast' is not one of them", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(twinOut));
    }

    // dotnet run of the twin, from the repository root as a user types it, with a store of the test's own.
    private static async Task<(int Exit, string Output)> RunTwinAsync(string root, TempDirectory scratch, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", ["run", $"notebooks/{Notebook}.cs", "--", .. arguments])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["LATENTWORKBENCH_RUNS"] = scratch.File("runs.db");
        // The test host's MSBuild variables would point the nested build at the test's own SDK resolution.
        foreach (string variable in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(variable);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
