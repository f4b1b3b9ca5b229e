using LatentWorkbench.Runs;
using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Runs;

public sealed class RunStoreTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    internal sealed record TinyConfig(int Hidden, double LearningRate);

    internal static RunKey Key(int hidden = 8, double learningRate = 1e-3) => RunKey.For("tiny", new TinyConfig(hidden, learningRate));

    [Fact]
    public void A_Completed_Run_Reads_Back_With_Everything_It_Recorded()
    {
        var store = RunStore.Open(_temp.File("runs.db"));
        var key = Key();
        var before = DateTime.UtcNow;
        using var run = store.Begin(key, "cpu", codeVersion: "test-version");
        run.RecordEpoch(1, new Dictionary<string, double> { ["train_loss"] = 2.5, ["seconds"] = 0.25 });
        run.RecordEpoch(2, new Dictionary<string, double> { ["train_loss"] = 1.5, ["seconds"] = 0.5 });
        run.RecordEpoch(2, new Dictionary<string, double> { ["test_loss"] = 1.75 });
        string checkpoint = _temp.File("tiny.safetensors");
        File.WriteAllText(checkpoint, "weights");
        var completed = run.Complete(checkpoint);

        var stored = store.Get(run.RunId);
        Assert.NotNull(stored);
        Assert.Equal(completed, stored with { Epochs = completed.Epochs });
        Assert.Equal("tiny", stored.Model);
        Assert.Equal(key.ConfigHash, stored.ConfigHash);
        Assert.Equal(key.ConfigJson, stored.ConfigJson);
        Assert.Equal("cpu", stored.Device);
        Assert.Equal("test-version", stored.CodeVersion);
        Assert.Equal(RunStatus.Completed, stored.Status);
        Assert.Null(stored.Message);
        Assert.Equal(checkpoint, stored.CheckpointPath);
        Assert.True(stored.HasCheckpoint);
        Assert.InRange(stored.StartedUtc, before.AddSeconds(-1), DateTime.UtcNow);
        Assert.Equal(DateTimeKind.Utc, stored.StartedUtc.Kind);
        Assert.NotNull(stored.EndedUtc);
        Assert.True(stored.EndedUtc >= stored.StartedUtc);
        Assert.True(stored.Duration > TimeSpan.Zero);
        Assert.Equal([1, 2], stored.Epochs.Select(e => e.Epoch));
        Assert.Equal(["seconds", "train_loss"], stored.Epochs[0].Values.Keys);
        Assert.Equal(new Dictionary<string, double> { ["seconds"] = 0.5, ["test_loss"] = 1.75, ["train_loss"] = 1.5 }, stored.FinalMetrics);
        Assert.Equal(RunStatus.Completed, run.Status);
    }

    [Fact]
    public void Non_Finite_Metrics_Survive_The_Round_Trip()
    {
        var store = RunStore.Open(_temp.File("runs.db"));
        using var run = store.Begin(Key(), "cpu");
        run.RecordEpoch(1, new Dictionary<string, double> { ["nan"] = double.NaN, ["inf"] = double.PositiveInfinity, ["neg"] = double.NegativeInfinity });

        var values = store.Get(run.RunId)!.Epochs.Single().Values;
        Assert.True(double.IsNaN(values["nan"]));
        Assert.Equal(double.PositiveInfinity, values["inf"]);
        Assert.Equal(double.NegativeInfinity, values["neg"]);
    }

    [Fact]
    public void The_Code_Version_Defaults_To_The_Library_Build()
    {
        var store = RunStore.Open(_temp.File("runs.db"));
        using var run = store.Begin(Key(), "cpu");

        Assert.Equal(CodeVersion.Current, store.Get(run.RunId)!.CodeVersion);
        Assert.False(string.IsNullOrWhiteSpace(CodeVersion.Current));
    }

    [Fact]
    public void A_Failed_Run_Keeps_Its_Message_And_Epochs()
    {
        var store = RunStore.Open(_temp.File("runs.db"));
        using var run = store.Begin(Key(), "cuda:0");
        run.RecordEpoch(1, new Dictionary<string, double> { ["train_loss"] = 3 });
        var failed = run.Fail("loss became NaN at step 17");

        Assert.Equal(RunStatus.Failed, failed.Status);
        Assert.Equal("loss became NaN at step 17", failed.Message);
        Assert.Null(failed.CheckpointPath);
        Assert.False(failed.HasCheckpoint);
        Assert.Single(failed.Epochs);
        Assert.Equal("cuda:0", failed.Device);
    }

    [Fact]
    public void A_Finished_Run_Refuses_More_Epochs_Or_A_Second_Ending()
    {
        var store = RunStore.Open(_temp.File("runs.db"));
        using var run = store.Begin(Key(), "cpu");
        run.Fail("stopped");

        Assert.Throws<InvalidOperationException>(() => run.RecordEpoch(1, new Dictionary<string, double> { ["x"] = 1 }));
        Assert.Throws<InvalidOperationException>(() => run.Fail("again"));
        Assert.Equal("stopped", store.Get(run.RunId)!.Message);
    }

    [Fact]
    public void Completing_With_A_Missing_Checkpoint_Is_Refused_And_The_Run_Stays_Running()
    {
        var store = RunStore.Open(_temp.File("runs.db"));
        using var run = store.Begin(Key(), "cpu");
        string missing = _temp.File("never-written.safetensors");

        var error = Assert.Throws<ArgumentException>(() => run.Complete(missing));
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Equal(RunStatus.Running, store.Get(run.RunId)!.Status);
    }

    [Fact]
    public void Disposing_An_Unfinished_Run_Marks_It_Interrupted()
    {
        var store = RunStore.Open(_temp.File("runs.db"));
        long id;
        using (var run = store.Begin(Key(), "cpu"))
        {
            id = run.RunId;
        }

        var stored = store.Get(id)!;
        Assert.Equal(RunStatus.Failed, stored.Status);
        Assert.StartsWith("interrupted", stored.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_Epoch_Numbers_And_Metric_Names_Are_Rejected()
    {
        var store = RunStore.Open(_temp.File("runs.db"));
        using var run = store.Begin(Key(), "cpu");

        Assert.Throws<ArgumentOutOfRangeException>(() => run.RecordEpoch(-1, new Dictionary<string, double> { ["x"] = 1 }));
        Assert.Throws<ArgumentException>(() => run.RecordEpoch(1, new Dictionary<string, double> { [" "] = 1 }));
        Assert.Empty(store.Get(run.RunId)!.Epochs);
    }

    [Fact]
    public void List_Returns_Every_Run_Oldest_First_And_Get_Of_An_Unknown_Id_Is_Null()
    {
        var store = RunStore.Open(_temp.File("runs.db"));
        var ids = new List<long>();
        for (int i = 0; i < 3; i++)
        {
            using var run = store.Begin(Key(hidden: i), "cpu");
            run.RecordEpoch(1, new Dictionary<string, double> { ["train_loss"] = i });
            ids.Add(run.RunId);
            run.Fail($"run {i}");
        }

        var all = store.List();
        Assert.Equal(ids, all.Select(r => r.Id));
        Assert.Equal([0.0, 1.0, 2.0], all.Select(r => r.FinalMetrics["train_loss"]));
        Assert.Null(store.Get(ids.Max() + 1));
    }

    [Fact]
    public void The_Run_Checkpoint_Path_Sits_Beside_The_Store_And_Is_Unique_To_The_Run()
    {
        var store = RunStore.Open(_temp.File("runs.db"));
        using var first = store.Begin(RunKey.For("conv vae", new TinyConfig(8, 1e-3)), "cpu");
        using var second = store.Begin(RunKey.For("conv vae", new TinyConfig(8, 1e-3)), "cpu");

        string path = first.CheckpointPath(".safetensors");
        Assert.Equal(Path.Combine(_temp.Path, "checkpoints", $"conv-vae-{first.Key.ShortHash}-run{first.RunId}.safetensors"), path);
        Assert.NotEqual(path, second.CheckpointPath(".safetensors"));
        Assert.Throws<ArgumentException>(() => first.CheckpointPath("safetensors"));
    }

    [Fact]
    public void Open_Creates_The_Folder_And_OpenExisting_Does_Not_Create_A_Store()
    {
        string nested = Path.Combine(_temp.Path, "a", "b", "runs.db");
        var missing = Assert.Throws<RunStoreException>(() => RunStore.OpenExisting(nested));
        Assert.Contains(nested, missing.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(nested));

        var store = RunStore.Open(nested);
        Assert.Equal(nested, store.Path);
        Assert.True(File.Exists(nested));
        Assert.Empty(RunStore.OpenExisting(nested).List());
        Assert.Equal(["ok"], store.CheckIntegrity());
    }
}
