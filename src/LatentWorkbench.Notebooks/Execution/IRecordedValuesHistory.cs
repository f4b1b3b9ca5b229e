namespace LatentWorkbench.Notebooks.Execution;

/// <summary>
/// Keeps each run's recorded values somewhere that outlives the output folder, whose <c>metrics.json</c> the next run
/// replaces. The workbench CLI keeps them in the run store; the runner itself references no store, so that a notebook's
/// <c>#r</c> of the library loads it exactly as in VS Code or Jupyter.
/// </summary>
public interface IRecordedValuesHistory
{
    /// <summary>Keeps <paramref name="run"/>; called once per run that recorded at least one value, after its last cell.</summary>
    /// <remarks>An implementation reports its own failures (the notebook has run; losing its outputs over the history would be worse).</remarks>
    void Keep(RecordedRun run);
}
