using System.Text.Json.Nodes;

namespace LatentWorkbench.Notebooks.Model;

/// <summary>One cell of a notebook: source, metadata and (for code cells) outputs.</summary>
/// <remarks>
/// Metadata is kept as JSON so that keys this runner does not know (VS Code's, papermill's, a user's)
/// survive a read–execute–write round trip untouched.
/// </remarks>
public sealed class NotebookCell
{
    /// <summary>The papermill tag that marks the cell holding parameter defaults.</summary>
    public const string ParametersTag = "parameters";

    /// <summary>The papermill tag of the cell that a run with overrides inserts after the parameters cell.</summary>
    public const string InjectedParametersTag = "injected-parameters";

    /// <summary>Creates a cell.</summary>
    public NotebookCell(CellKind kind, string id, string source, JsonObject? metadata = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Kind = kind;
        Id = id;
        Source = source ?? string.Empty;
        Metadata = metadata ?? [];
    }

    /// <summary>Code, markdown or raw.</summary>
    public CellKind Kind { get; }

    /// <summary>The nbformat 4.5 cell id (8+ hex characters in our notebooks; unique within the notebook).</summary>
    public string Id { get; }

    /// <summary>The cell's text, lines joined with <c>\n</c>.</summary>
    public string Source { get; set; }

    /// <summary>The cell's metadata object (tags, kernel name, papermill timings...).</summary>
    public JsonObject Metadata { get; }

    /// <summary>Outputs of a code cell, each an nbformat output object (<c>display_data</c>, <c>stream</c>, <c>error</c>...).</summary>
    public List<JsonObject> Outputs { get; } = [];

    /// <summary>The execution count of a code cell; null when not executed.</summary>
    public int? ExecutionCount { get; set; }

    /// <summary>Markdown attachments, kept as read.</summary>
    public JsonObject? Attachments { get; set; }

    /// <summary>The cell's tags (<c>metadata.tags</c>).</summary>
    public IReadOnlyList<string> Tags =>
        Metadata["tags"] is JsonArray tags ? tags.Select(t => t?.GetValue<string>() ?? string.Empty).ToList() : [];

    /// <summary>Whether <c>metadata.tags</c> holds <paramref name="tag"/>.</summary>
    public bool HasTag(string tag) => Tags.Contains(tag, StringComparer.Ordinal);

    /// <summary>A new C# code cell with both Polyglot cell-metadata keys (docs/polyglot-contract.md §1).</summary>
    public static NotebookCell NewCode(string id, string source, params string[] tags)
    {
        var cell = new NotebookCell(CellKind.Code, id, source, PolyglotMetadata.CodeCellMetadata());
        if (tags.Length > 0)
        {
            cell.Metadata["tags"] = new JsonArray(tags.Select(t => (JsonNode)JsonValue.Create(t)).ToArray());
        }

        return cell;
    }

    /// <summary>A new markdown cell (metadata <c>{}</c>).</summary>
    public static NotebookCell NewMarkdown(string id, string source) => new(CellKind.Markdown, id, source);

    /// <summary>Clears outputs and execution count (what a shipped notebook is committed with).</summary>
    public void ClearOutputs()
    {
        Outputs.Clear();
        ExecutionCount = null;
    }
}
