using System.Text.Json.Nodes;

namespace LatentWorkbench.Notebooks.Execution;

/// <summary>What one notebook run recorded, as handed to an <see cref="IRecordedValuesHistory"/>.</summary>
/// <param name="NotebookPath">The notebook that ran (full path).</param>
/// <param name="StartedUtc">When the run started.</param>
/// <param name="Parameters">The parameters it overrode (name → value), as in <c>metadata.papermill.parameters</c>.</param>
/// <param name="Recorded">The recorded values (name → value), as in <c>metadata.latentworkbench.recorded</c>.</param>
/// <param name="Succeeded">False when a cell failed (the values recorded before it are included).</param>
public sealed record RecordedRun(string NotebookPath, DateTime StartedUtc, JsonObject Parameters, JsonObject Recorded, bool Succeeded);
