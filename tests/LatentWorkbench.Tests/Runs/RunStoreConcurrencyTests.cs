using LatentWorkbench.Runs;
using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Runs;

public sealed class RunStoreConcurrencyTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Every writer's runs are there, complete, with all their epochs, and SQLite finds the file sound.</summary>
    internal static void AssertEveryRunIsThere(string path, int writers, int runsPerWriter)
    {
        var store = RunStore.OpenExisting(path);
        Assert.Equal(["ok"], store.CheckIntegrity());
        var runs = store.List();
        Assert.Equal(writers * runsPerWriter, runs.Count);
        Assert.Equal(runs.Count, runs.Select(r => r.Id).Distinct().Count());
        Assert.All(runs, run =>
        {
            Assert.Equal(RunStatus.Completed, run.Status);
            Assert.True(run.HasCheckpoint);
            Assert.Equal(Enumerable.Range(1, RunStoreWriterProcess.EpochsPerRun), run.Epochs.Select(e => e.Epoch));
            Assert.All(run.Epochs, e => Assert.Equal(e.Epoch * e.Epoch, e.Values["epoch_squared"]));
        });
        for (int writer = 0; writer < writers; writer++)
        {
            for (int i = 0; i < runsPerWriter; i++)
            {
                var key = RunKey.For("writer", new RunStoreWriterProcess.WriterConfig(writer, i));
                var found = store.TryFindCompleted(key.ConfigHash);
                Assert.NotNull(found);
                Assert.Equal($"{writer}/{i}", File.ReadAllText(found.CheckpointPath!));
                Assert.Equal(writer + (i / 1000.0), found.FinalMetrics["train_loss"]);
            }
        }
    }

    [Fact]
    public void Threads_Writing_One_New_Store_At_Once_Lose_Nothing()
    {
        const int writers = 8, runsPerWriter = 15;
        string path = _temp.File("runs.db");
        using var start = new Barrier(writers);
        var failures = new System.Collections.Concurrent.ConcurrentBag<Exception>();
        var threads = Enumerable.Range(0, writers).Select(writer => new Thread(() =>
        {
            try
            {
                start.SignalAndWait();
                RunStoreWriterProcess.Write(path, writer, runsPerWriter, $"thread:{writer}");
            }
            catch (Exception e)
            {
                // An exception escaping a plain thread would end the test host; report it as a failure instead.
                failures.Add(e);
            }
        })).ToList();

        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Empty(failures);
        AssertEveryRunIsThere(path, writers, runsPerWriter);
    }

    [Fact]
    public void Processes_Writing_One_New_Store_At_Once_Lose_Nothing()
    {
        const int writers = 4, runsPerWriter = 15;
        string path = _temp.File("runs.db");
        var processes = Enumerable.Range(0, writers).Select(writer => RunStoreWriterProcess.Start(path, writer, runsPerWriter)).ToList();

        processes.ForEach(RunStoreWriterProcess.AssertSucceeds);

        AssertEveryRunIsThere(path, writers, runsPerWriter);
        Assert.Equal(writers, RunStore.OpenExisting(path).List().Select(r => r.Device).Distinct().Count());
    }
}
