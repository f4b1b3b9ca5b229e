using LatentWorkbench.Runs;
using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Runs;

public sealed class GetOrTrainTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly RunStore _store;
    private int _trainings;

    public GetOrTrainTests() => _store = RunStore.Open(_temp.File("runs.db"));

    public void Dispose() => _temp.Dispose();

    private sealed record TinyConfig(int Hidden, double LearningRate);

    private static readonly TinyConfig s_config = new(8, 1e-3);

    /// <summary>A stand-in for training: records two epochs and writes a checkpoint at the run's own path.</summary>
    private string Train(IRunRecorder run)
    {
        _trainings++;
        for (int epoch = 1; epoch <= 2; epoch++)
        {
            run.RecordEpoch(epoch, new Dictionary<string, double> { ["train_loss"] = 10.0 / epoch });
        }

        string checkpoint = run.CheckpointPath(".bin");
        Directory.CreateDirectory(Path.GetDirectoryName(checkpoint)!);
        File.WriteAllText(checkpoint, $"weights of run {run.RunId}");
        return checkpoint;
    }

    private CachedOrTrained GetOrTrain(TinyConfig config, bool force = false) => _store.GetOrTrain("tiny", config, "cpu", Train, force);

    [Fact]
    public void A_Miss_Trains_And_Records_The_Run()
    {
        var result = GetOrTrain(s_config);

        Assert.False(result.FromCache);
        Assert.Equal(1, _trainings);
        Assert.Equal(RunStatus.Completed, result.Run.Status);
        Assert.Equal(RunKey.For("tiny", s_config).ConfigHash, result.Run.ConfigHash);
        Assert.Equal(5.0, result.Run.FinalMetrics["train_loss"]);
        Assert.Equal($"weights of run {result.Run.Id}", File.ReadAllText(result.Run.CheckpointPath!));
    }

    [Fact]
    public void A_Hit_Returns_The_Completed_Run_Without_Training()
    {
        var first = GetOrTrain(s_config);
        var second = GetOrTrain(s_config with { });

        Assert.True(second.FromCache);
        Assert.Equal(1, _trainings);
        Assert.Equal(first.Run.Id, second.Run.Id);
        Assert.Single(_store.List());
    }

    [Fact]
    public void A_Different_Config_Misses()
    {
        GetOrTrain(s_config);
        var other = GetOrTrain(s_config with { LearningRate = 2e-3 });

        Assert.False(other.FromCache);
        Assert.Equal(2, _trainings);
    }

    [Fact]
    public void Force_Retrains_And_The_New_Run_Becomes_The_Cached_One()
    {
        var first = GetOrTrain(s_config);
        var forced = GetOrTrain(s_config, force: true);
        var after = GetOrTrain(s_config);

        Assert.False(forced.FromCache);
        Assert.Equal(2, _trainings);
        Assert.NotEqual(first.Run.Id, forced.Run.Id);
        Assert.True(after.FromCache);
        Assert.Equal(forced.Run.Id, after.Run.Id);
    }

    [Fact]
    public void A_Missing_Checkpoint_File_Is_A_Miss()
    {
        var first = GetOrTrain(s_config);
        File.Delete(first.Run.CheckpointPath!);

        Assert.Null(_store.TryFindCompleted(first.Run.ConfigHash));
        var again = GetOrTrain(s_config);
        Assert.False(again.FromCache);
        Assert.Equal(2, _trainings);
        Assert.Equal(RunStatus.Completed, _store.Get(first.Run.Id)!.Status);
    }

    [Fact]
    public void A_Newer_Run_With_A_Missing_Checkpoint_Falls_Back_To_An_Older_One_That_Has_Its_File()
    {
        var older = GetOrTrain(s_config);
        var newer = GetOrTrain(s_config, force: true);
        File.Delete(newer.Run.CheckpointPath!);

        Assert.Equal(older.Run.Id, _store.TryFindCompleted(older.Run.ConfigHash)?.Id);
    }

    [Fact]
    public void A_Failed_Retrain_Does_Not_Shadow_The_Completed_Run()
    {
        var good = GetOrTrain(s_config);
        var error = Assert.Throws<InvalidOperationException>(() => _store.GetOrTrain("tiny", s_config, "cpu", run =>
        {
            run.RecordEpoch(1, new Dictionary<string, double> { ["train_loss"] = double.NaN });
            throw new InvalidOperationException("diverged");
        }, force: true));

        Assert.Equal("diverged", error.Message);
        var failed = _store.List()[^1];
        Assert.Equal(RunStatus.Failed, failed.Status);
        Assert.Equal("InvalidOperationException: diverged", failed.Message);
        var hit = GetOrTrain(s_config);
        Assert.True(hit.FromCache);
        Assert.Equal(good.Run.Id, hit.Run.Id);
        Assert.True(File.Exists(good.Run.CheckpointPath));
    }

    [Fact]
    public void An_Interrupted_Run_Does_Not_Shadow_The_Completed_Run()
    {
        var good = GetOrTrain(s_config);
        var key = RunKey.For("tiny", s_config);
        _ = _store.Begin(key, "cpu"); // never finished, as when the process is killed

        Assert.Equal(good.Run.Id, _store.TryFindCompleted(key.ConfigHash)?.Id);
    }

    [Fact]
    public void A_Cancelled_Training_Is_Recorded_As_Cancelled()
    {
        Assert.Throws<OperationCanceledException>(() => _store.GetOrTrain("tiny", s_config, "cpu", _ => throw new OperationCanceledException()));

        Assert.Equal("cancelled", _store.List().Single().Message);
        Assert.Null(_store.TryFindCompleted(RunKey.For("tiny", s_config).ConfigHash));
    }

    [Fact]
    public void A_Train_Function_That_Returns_A_Missing_File_Leaves_No_Completed_Run()
    {
        Assert.Throws<ArgumentException>(() => _store.GetOrTrain("tiny", s_config, "cpu", _ => _temp.File("nothing.bin")));

        var run = _store.List().Single();
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.StartsWith("ArgumentException: The checkpoint", run.Message, StringComparison.Ordinal);
        Assert.Contains("nothing.bin", run.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryFindCompleted_Rejects_Text_That_Is_Not_A_Hash()
    {
        Assert.Throws<ArgumentException>(() => _store.TryFindCompleted("abc"));
    }
}
