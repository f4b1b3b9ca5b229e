using System.Text.Json;

namespace LatentWorkbench.Runs;

/// <summary>One notebook run's recorded values as the store keeps them (see <see cref="RunStore.RecordNotebookRun"/>).</summary>
/// <param name="Id">The store's id for the notebook run, increasing in the order they were recorded.</param>
/// <param name="Notebook">The notebook's file name, e.g. <c>03-vae-training.ipynb</c>.</param>
/// <param name="RanUtc">When the run started (UTC).</param>
/// <param name="Parameters">The parameters the run overrode (name → JSON value), as in the executed notebook's <c>metadata.papermill.parameters</c>.</param>
/// <param name="CodeVersion">The code that ran it (see <see cref="Runs.CodeVersion"/>).</param>
/// <param name="Succeeded">False when a cell failed; the values recorded before it are kept.</param>
/// <param name="Values">The recorded values (name → JSON value), in name order.</param>
public sealed record NotebookRunRecord(
    long Id,
    string Notebook,
    DateTime RanUtc,
    IReadOnlyDictionary<string, JsonElement> Parameters,
    string CodeVersion,
    bool Succeeded,
    IReadOnlyDictionary<string, JsonElement> Values);
