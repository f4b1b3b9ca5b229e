using System.Text.Json.Nodes;
using LatentWorkbench.Cli.Commands;
using LatentWorkbench.Notebooks.Execution;
using LatentWorkbench.Runs;
using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Cli.Commands;

public sealed class RunStoreHistoryTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Each_Kept_Run_Is_A_New_Row_In_The_Store_The_Notebooks_Use()
    {
        string store = _temp.File("runs.db");
        string? previous = Environment.GetEnvironmentVariable(RunStore.PathVariable);
        try
        {
            Environment.SetEnvironmentVariable(RunStore.PathVariable, store);
            var started = new DateTime(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc);
            foreach (int seed in new[] { 1, 2 })
            {
                RunStoreHistory.Instance.Keep(new RecordedRun(
                    _temp.File("03-vae-training.ipynb"), started.AddMinutes(seed), new JsonObject { ["seed"] = seed },
                    new JsonObject { ["vae_test_loss"] = 100.0 + seed, ["label"] = "digits" }, Succeeded: true));
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable(RunStore.PathVariable, previous);
        }

        var runs = RunStore.OpenExisting(store).ListNotebookRuns("03-vae-training.ipynb");
        Assert.Equal([101.0, 102.0], runs.Select(r => r.Values["vae_test_loss"].GetDouble()));
        Assert.Equal([1, 2], runs.Select(r => r.Parameters["seed"].GetInt32()));
        Assert.Equal("digits", runs[0].Values["label"].GetString());
    }

    [Fact]
    public void A_Store_That_Cannot_Be_Used_Is_A_Warning_Not_A_Failure()
    {
        string notAStore = _temp.File("runs.db");
        File.WriteAllText(notAStore, string.Concat(Enumerable.Repeat("not a database\n", 200)));
        string? previous = Environment.GetEnvironmentVariable(RunStore.PathVariable);
        var errors = Console.Error;
        using var captured = new StringWriter();
        try
        {
            Environment.SetEnvironmentVariable(RunStore.PathVariable, notAStore);
            Console.SetError(captured);
            RunStoreHistory.Instance.Keep(new RecordedRun(_temp.File("01.ipynb"), DateTime.UtcNow, [], new JsonObject { ["k"] = 1 }, true));
        }
        finally
        {
            Console.SetError(errors);
            Environment.SetEnvironmentVariable(RunStore.PathVariable, previous);
        }

        Assert.StartsWith("warning: the recorded values were not kept in the run store", captured.ToString(), StringComparison.Ordinal);
    }
}
