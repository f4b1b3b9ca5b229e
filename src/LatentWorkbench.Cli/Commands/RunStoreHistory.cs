using LatentWorkbench.Notebooks.Execution;
using LatentWorkbench.Runs;

namespace LatentWorkbench.Cli.Commands;

/// <summary>
/// Keeps every notebook run's recorded values in the run store the notebook itself uses (<c>$LATENTWORKBENCH_RUNS</c>, else
/// <c>data/runs/runs.db</c> of its repository), so <c>workbench runs history</c> shows every run, not only the last one.
/// </summary>
internal sealed class RunStoreHistory : IRecordedValuesHistory
{
    /// <summary>The one instance (it holds no state).</summary>
    public static RunStoreHistory Instance { get; } = new();

    private RunStoreHistory()
    {
    }

    /// <inheritdoc/>
    public void Keep(RecordedRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        string store = RunStore.DefaultPath(Path.GetDirectoryName(run.NotebookPath)!);
        try
        {
            var values = run.Recorded.ToDictionary(v => v.Key, v => v.Value?.ToJsonString() ?? "null", StringComparer.Ordinal);
            RunStore.Open(store).RecordNotebookRun(Path.GetFileName(run.NotebookPath), run.StartedUtc, run.Parameters.ToJsonString(), values, run.Succeeded);
        }
        catch (RunStoreException e)
        {
            // A warning, not a failure: the notebook ran and its output folder holds the values.
            Console.Error.WriteLine($"warning: the recorded values were not kept in the run store: {e.Message}");
        }
    }
}
