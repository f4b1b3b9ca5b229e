using LatentWorkbench.Runs;
using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Runs;

/// <summary>A run whose process died shows as interrupted, never as running; a live or foreign run is left alone.</summary>
public sealed class InterruptedRunTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_Run_Whose_Process_Was_Killed_Is_Interrupted_When_The_Store_Is_Opened_And_A_Rerun_Trains_Anew()
    {
        string path = _temp.File("runs.db");
        long id;
        int pid;
        using (var child = RunStoreWriterProcess.StartBeginAndWait(path))
        {
            string? line;
            try
            {
                line = await child.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(1));
            }
            catch (TimeoutException)
            {
                child.Kill(entireProcessTree: true);
                line = null;
            }

            if (line is null)
            {
                Assert.Fail($"the child printed no run id within a minute: {await child.StandardError.ReadToEndAsync()}");
            }
            id = long.Parse(line, System.Globalization.CultureInfo.InvariantCulture);
            pid = child.Id;
            Assert.Equal(RunStatus.Running, RunStore.Open(path).Get(id)!.Status);   // alive: opening leaves it running
            child.Kill(entireProcessTree: true);                                     // SIGKILL: no handler, no Dispose runs
            await child.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        }

        var store = RunStore.Open(path);
        var run = store.Get(id)!;
        Assert.Equal(RunStatus.Interrupted, run.Status);
        Assert.Contains($"process {pid}", run.Message, StringComparison.Ordinal);
        Assert.NotNull(run.EndedUtc);
        Assert.Null(store.TryFindCompleted(run.ConfigHash));

        var rerun = store.GetOrTrain("tiny", new RunStoreTests.TinyConfig(8, 1e-3), "cpu", recorder =>
        {
            string checkpoint = recorder.CheckpointPath(".bin");
            Directory.CreateDirectory(Path.GetDirectoryName(checkpoint)!);
            File.WriteAllText(checkpoint, "weights");
            return checkpoint;
        });
        Assert.False(rerun.FromCache);
        Assert.Equal(RunStatus.Completed, rerun.Run.Status);
        Assert.Equal([RunStatus.Interrupted, RunStatus.Completed], store.List().Select(r => r.Status));
    }

    [Fact]
    public void A_Run_Of_This_Process_Stays_Running_Through_List_And_Reopening()
    {
        string path = _temp.File("runs.db");
        var store = RunStore.Open(path);
        using var run = store.Begin(RunStoreTests.Key(), "cpu");

        Assert.Equal(0, store.MarkInterruptedRuns());
        Assert.Equal(RunStatus.Running, Assert.Single(store.List()).Status);
        Assert.Equal(RunStatus.Running, RunStore.Open(path).Get(run.RunId)!.Status);
        run.Fail("done");
    }

    [Fact]
    public void A_Run_Of_Another_Host_Or_Of_A_Reused_Process_Id_Is_Judged_Only_Where_It_Can_Be()
    {
        string path = _temp.File("runs.db");
        var store = RunStore.Open(path);
        var elsewhere = store.Begin(RunStoreTests.Key(hidden: 1), "cpu");
        var reused = store.Begin(RunStoreTests.Key(hidden: 2), "cpu");
        // Another machine's run cannot be checked from here; this process's id with another start time is a reused id.
        Sql(path, $"UPDATE runs SET owner_host = 'another-host-{Guid.NewGuid():N}' WHERE id = {elsewhere.RunId};");
        Sql(path, $"UPDATE runs SET owner_start = 'not-this-start' WHERE id = {reused.RunId};");

        Assert.Equal(1, store.MarkInterruptedRuns());
        Assert.Equal(RunStatus.Running, store.Get(elsewhere.RunId)!.Status);
        Assert.Equal(RunStatus.Interrupted, store.Get(reused.RunId)!.Status);
        // The handle learns that its run ended elsewhere, instead of overwriting the status.
        Assert.Throws<InvalidOperationException>(() => reused.Complete(path));
    }

    private static void Sql(string path, string sql) => SqliteFile.Execute(path, sql);
}
