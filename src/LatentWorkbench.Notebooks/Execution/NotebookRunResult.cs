using System.Text.Json.Nodes;
using LatentWorkbench.Notebooks.Figures;
using LatentWorkbench.Notebooks.Model;

namespace LatentWorkbench.Notebooks.Execution;

/// <summary>What a run produced.</summary>
/// <param name="Notebook">The executed notebook (outputs, counts, timings, injected parameters, recorded values).</param>
/// <param name="OutputPath">Where it was written, or null.</param>
/// <param name="Failure">The cell that threw, or null when every cell ran.</param>
/// <param name="Figures">The figures exported, in order (empty when not exporting).</param>
/// <param name="Parameters">The applied overrides, as recorded in <c>metadata.papermill.parameters</c>.</param>
/// <param name="Recorded">The recorded values (name → value), as kept in <c>metadata.latentworkbench.recorded</c>.</param>
/// <param name="Variables">The script's variables after the last successful cell (for tests and tools).</param>
/// <param name="Duration">Wall time of the whole run, kernel start-up included.</param>
public sealed record NotebookRunResult(
    Notebook Notebook,
    string? OutputPath,
    CellFailure? Failure,
    IReadOnlyList<ExportedFigure> Figures,
    JsonObject Parameters,
    JsonObject Recorded,
    IReadOnlyDictionary<string, object?> Variables,
    TimeSpan Duration)
{
    /// <summary>
    /// The process's peak resident memory while the notebook ran (Linux: VmHWM, reset when the run started; see
    /// <see cref="PeakCoversWholeProcess"/>).
    /// </summary>
    public long PeakResidentBytes { get; init; }

    /// <summary>True when the peak could not be reset at the start, so it is the process's peak so far.</summary>
    public bool PeakCoversWholeProcess { get; init; }

    /// <summary>True when no cell failed.</summary>
    public bool Succeeded => Failure is null;
}
