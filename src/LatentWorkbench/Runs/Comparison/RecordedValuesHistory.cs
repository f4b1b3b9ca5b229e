using System.Globalization;
using System.Text.Json;
using LatentWorkbench.Tables;
using Microsoft.Data.Analysis;

namespace LatentWorkbench.Runs.Comparison;

/// <summary>
/// The values every notebook run recorded, one row per run (<see cref="RunStore.ListNotebookRuns"/>): what each
/// rerun with other parameters measured, although each run replaces the output folder's <c>metrics.json</c>.
/// </summary>
public static class RecordedValuesHistory
{
    /// <summary>
    /// A table with <c>notebook</c>, <c>run</c>, <c>ran (UTC)</c>, <c>code version</c>, <c>succeeded</c>, <c>parameters</c> (the
    /// overrides as <c>name=value</c>) and one column per recorded value (numbers as numbers, anything else as its text).
    /// </summary>
    /// <param name="store">The run store.</param>
    /// <param name="notebook">Only this notebook's runs: its file name, with or without <c>.ipynb</c>, or its number (<c>03</c>); null: every notebook.</param>
    public static DataFrame Load(RunStore store, string? notebook = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var runs = store.ListNotebookRuns().Where(r => notebook is null || Matches(notebook.Trim(), r.Notebook)).ToList();
        return ToDataFrame(runs, notebook is null ? "every notebook" : $"'{notebook}'", store.Path);
    }

    /// <summary>The table <see cref="Load"/> makes, from runs already read.</summary>
    /// <param name="runs">The notebook runs, in the order to show.</param>
    /// <param name="what">What they are, for the title (e.g. <c>'03-vae-training'</c>).</param>
    /// <param name="storePath">The store they come from, for the title of an empty table.</param>
    public static DataFrame ToDataFrame(IReadOnlyList<NotebookRunRecord> runs, string what, string storePath)
    {
        ArgumentNullException.ThrowIfNull(runs);
        string[] fixedColumns = ["notebook", "run", "ran (UTC)", "code version", "succeeded", "parameters"];
        var valueNames = runs.SelectMany(r => r.Values.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        // A recorded value named like a fixed column (a notebook may record "notebook") keeps its own column.
        var names = valueNames.Select(n => fixedColumns.Contains(n, StringComparer.Ordinal) ? "recorded " + n : n).ToList();
        var rows = runs.Select(r => new object?[]
            {
                r.Notebook,
                r.Id,
                r.RanUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                CodeVersion.Short(r.CodeVersion),
                r.Succeeded,
                string.Join(", ", r.Parameters.Select(p => $"{p.Key}={Text(p.Value)}")),
            }
            .Concat(valueNames.Select(n => r.Values.TryGetValue(n, out var v) ? Cell(v) : null))
            .ToArray());
        string title = runs.Count == 0
            ? $"No notebook runs of {what} recorded yet (store {storePath})"
            : $"{runs.Count} recorded run{(runs.Count == 1 ? "" : "s")} of {what}";
        return DataFrames.FromRows([.. fixedColumns, .. names], rows, title);
    }

    private static bool Matches(string wanted, string notebook)
    {
        string stem = Path.GetFileNameWithoutExtension(notebook);
        string given = wanted.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase) ? wanted[..^".ipynb".Length] : wanted;
        return string.Equals(stem, given, StringComparison.OrdinalIgnoreCase)
            || stem.StartsWith(given + "-", StringComparison.OrdinalIgnoreCase);
    }

    private static object? Cell(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null => null,
        _ => Text(value),
    };

    private static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
}
