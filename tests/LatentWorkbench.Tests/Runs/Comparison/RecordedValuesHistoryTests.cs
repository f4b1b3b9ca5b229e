using LatentWorkbench.Runs;
using LatentWorkbench.Runs.Comparison;
using LatentWorkbench.Tables;
using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Runs.Comparison;

public sealed class RecordedValuesHistoryTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void One_Row_Per_Notebook_Run_With_Its_Parameters_And_One_Column_Per_Recorded_Value()
    {
        var store = RunStore.Open(_temp.File("runs.db"));
        var time = new DateTime(2026, 12, 7, 10, 0, 0, DateTimeKind.Utc);
        store.RecordNotebookRun("03-vae-training.ipynb", time, """{"seed":1}""", new Dictionary<string, string> { ["test_loss"] = "105.5" }, true, "v1");
        store.RecordNotebookRun("03-vae-training.ipynb", time.AddHours(1), """{"seed":2,"device":"cpu"}""", new Dictionary<string, string> { ["test_loss"] = "104.25", ["note"] = "\"x\"" }, false, "v1");
        store.RecordNotebookRun("01-mnist-and-pca.ipynb", time, "{}", new Dictionary<string, string> { ["pca_error"] = "0.5" }, true, "v1");

        var frame = RecordedValuesHistory.Load(store, "03");

        Assert.Equal(["notebook", "run", "ran (UTC)", "code version", "succeeded", "parameters", "note", "test_loss"], frame.Columns.Select(c => c.Name));
        Assert.Equal([105.5, 104.25], frame.Columns["test_loss"].Cast<object>().Select(Convert.ToDouble));
        Assert.Equal(["seed=1", "device=cpu, seed=2"], frame.Columns["parameters"].Cast<object>().Select(v => (string)v));
        Assert.Equal([true, false], frame.Columns["succeeded"].Cast<object>().Select(v => (bool)v));
        Assert.Null(frame.Columns["note"][0]);
        Assert.Equal("2 recorded runs of '03'", frame.GetTitle());
        Assert.Equal(2, RecordedValuesHistory.Load(store, "03-vae-training.ipynb").Rows.Count);
        Assert.Equal(3, RecordedValuesHistory.Load(store).Rows.Count);
    }

    [Fact]
    public void An_Empty_History_Is_A_Table_Without_Rows_That_Says_So()
    {
        var frame = RecordedValuesHistory.Load(RunStore.Open(_temp.File("runs.db")), "07");

        Assert.Equal(0, frame.Rows.Count);
        Assert.StartsWith("No notebook runs of '07' recorded yet", frame.GetTitle(), StringComparison.Ordinal);
    }
}
