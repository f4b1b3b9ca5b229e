using LatentWorkbench.Runs;
using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Runs;

public sealed class NotebookRunHistoryTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static Dictionary<string, string> Values(params (string Name, string Json)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Json);

    [Fact]
    public void Every_Run_Of_A_Notebook_Keeps_Its_Own_Values_Parameters_Time_And_Code_Version()
    {
        var store = RunStore.Open(_temp.File("runs.db"));
        var first = new DateTime(2026, 12, 7, 10, 0, 0, DateTimeKind.Utc);
        store.RecordNotebookRun("03-vae-training.ipynb", first, """{"seed":1}""", Values(("test_loss", "105.5"), ("title", "\"seed recipe\"")), succeeded: true, codeVersion: "v1");
        store.RecordNotebookRun("01-mnist-and-pca.ipynb", first.AddMinutes(1), "{}", Values(("pca_error", "0.02")), succeeded: true, codeVersion: "v1");
        var third = store.RecordNotebookRun("03-vae-training.ipynb", first.AddMinutes(2), """{"seed":2,"quick":true}""", Values(("test_loss", "107.25")), succeeded: false, codeVersion: "v2");

        Assert.Equal(3, third.Id);
        var runs = store.ListNotebookRuns("03-vae-training.ipynb");
        Assert.Equal([1L, 3L], runs.Select(r => r.Id));
        Assert.Equal([105.5, 107.25], runs.Select(r => r.Values["test_loss"].GetDouble()));
        Assert.Equal("seed recipe", runs[0].Values["title"].GetString());
        Assert.Equal(2, runs[1].Parameters["seed"].GetInt32());
        Assert.True(runs[1].Parameters["quick"].GetBoolean());
        Assert.Equal([true, false], runs.Select(r => r.Succeeded));
        Assert.Equal(["v1", "v2"], runs.Select(r => r.CodeVersion));
        Assert.Equal(first, runs[0].RanUtc);
        Assert.Equal(3, store.ListNotebookRuns().Count);
    }

    [Fact]
    public void Values_That_Are_Not_Json_And_Parameters_That_Are_Not_An_Object_Are_Refused_Before_Anything_Is_Written()
    {
        var store = RunStore.Open(_temp.File("runs.db"));

        var badValue = Assert.Throws<ArgumentException>(() => store.RecordNotebookRun("a.ipynb", DateTime.UtcNow, "{}", Values(("loss", "not json")), true));
        Assert.Contains("'loss'", badValue.Message, StringComparison.Ordinal);
        var badParameters = Assert.Throws<ArgumentException>(() => store.RecordNotebookRun("a.ipynb", DateTime.UtcNow, "[1]", Values(("loss", "1")), true));
        Assert.Contains("JSON object", badParameters.Message, StringComparison.Ordinal);
        Assert.Empty(store.ListNotebookRuns());
    }

    [Fact]
    public void A_Version_2_Store_Keeps_Its_Runs_And_Gains_The_History_Tables()
    {
        string path = _temp.File("runs.db");
        var old = RunStore.OpenWith(path, RunStoreSchema.Migrations.Take(2).ToList());
        using (var run = old.Begin(RunStoreTests.Key(), "cpu"))
        {
            run.RecordEpoch(1, new Dictionary<string, double> { ["train_loss"] = 3.5 });
            run.Fail("kept");
        }

        Assert.Equal(0, SqliteFile.Scalar(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'notebook_runs';"));

        var store = RunStore.Open(path);

        Assert.Equal(RunStoreSchema.CurrentVersion, SqliteFile.Scalar(path, "PRAGMA user_version;"));
        var kept = Assert.Single(store.List());
        Assert.Equal(3.5, kept.FinalMetrics["train_loss"]);
        store.RecordNotebookRun("01.ipynb", DateTime.UtcNow, "{}", Values(("k", "30")), true);
        Assert.Single(store.ListNotebookRuns());
    }
}
