using System.Text.Json;
using System.Text.Json.Nodes;

namespace LatentWorkbench.Notebooks.Model;

/// <summary>Reads and writes nbformat 4 .ipynb JSON.</summary>
/// <remarks>
/// Multi-line strings (cell sources, stream text, text mime data) are written as lists of lines, each but
/// the last ending in <c>\n</c>, as Jupyter and VS Code write them; on reading, both a string and a list are accepted.
/// </remarks>
public static class IpynbSerializer
{
    /// <summary>Parses .ipynb text; <paramref name="origin"/> names the file in error messages.</summary>
    /// <exception cref="NotebookFormatException">Not JSON, not nbformat 4, or a cell without the fields nbformat requires.</exception>
    public static Notebook Parse(string json, string origin)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject
                ?? throw new NotebookFormatException($"Notebook '{origin}': the top level must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw new NotebookFormatException($"Notebook '{origin}' is not valid JSON: {e.Message}", e);
        }

        int nbformat = root["nbformat"]?.GetValue<int>() ?? 0;
        if (nbformat != 4)
        {
            throw new NotebookFormatException($"Notebook '{origin}': nbformat is {nbformat}; expected 4.");
        }

        int minor = root["nbformat_minor"]?.GetValue<int>() ?? 0;
        var metadata = (root["metadata"] as JsonObject)?.DeepClone().AsObject() ?? [];
        var cellsNode = root["cells"] as JsonArray
            ?? throw new NotebookFormatException($"Notebook '{origin}': missing the 'cells' array.");
        var cells = new List<NotebookCell>();
        for (int i = 0; i < cellsNode.Count; i++)
        {
            cells.Add(ParseCell(cellsNode[i] as JsonObject
                ?? throw new NotebookFormatException($"Notebook '{origin}': cell {i + 1} is not a JSON object."), i, origin));
        }

        // Cells read from nbformat < 4.5 were given ids above, so the notebook is written as 4.5.
        return new Notebook(metadata, cells, Math.Max(minor, 5));
    }

    /// <summary>Serializes to .ipynb text (keys sorted, 1-space indent, trailing newline).</summary>
    public static string Serialize(Notebook notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var root = new JsonObject
        {
            ["cells"] = new JsonArray(notebook.Cells.Select(c => (JsonNode)ToJson(c)).ToArray()),
            ["metadata"] = notebook.Metadata.DeepClone(),
            ["nbformat"] = notebook.Nbformat,
            ["nbformat_minor"] = notebook.NbformatMinor,
        };
        return SortedJsonWriter.Write(root);
    }

    /// <summary>Splits text into nbformat's list of lines (each keeps its <c>\n</c>; no empty last line).</summary>
    public static JsonArray ToLines(string text)
    {
        var lines = new JsonArray();
        int start = 0;
        while (start < text.Length)
        {
            int newline = text.IndexOf('\n', start);
            int end = newline < 0 ? text.Length : newline + 1;
            lines.Add(text[start..end]);
            start = end;
        }

        return lines;
    }

    /// <summary>Joins a multi-line field that may be a string or a list of strings.</summary>
    public static string JoinLines(JsonNode? node) => node switch
    {
        null => string.Empty,
        JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>() ?? string.Empty)),
        _ => node.GetValue<string>(),
    };

    private static NotebookCell ParseCell(JsonObject json, int index, string origin)
    {
        string type = json["cell_type"]?.GetValue<string>()
            ?? throw new NotebookFormatException($"Notebook '{origin}': cell {index + 1} has no 'cell_type'.");
        var kind = type switch
        {
            "code" => CellKind.Code,
            "markdown" => CellKind.Markdown,
            "raw" => CellKind.Raw,
            _ => throw new NotebookFormatException($"Notebook '{origin}': cell {index + 1} has cell_type '{type}'; expected code, markdown or raw."),
        };

        // nbformat < 4.5 cells have no id; give them a stable one derived from position.
        string id = json["id"]?.GetValue<string>() ?? CellIds.FromSeed($"{Path.GetFileName(origin)}#{index}");
        var metadata = (json["metadata"] as JsonObject)?.DeepClone().AsObject() ?? [];
        var cell = new NotebookCell(kind, id, JoinLines(json["source"]), metadata)
        {
            ExecutionCount = json["execution_count"]?.GetValue<int>(),
            Attachments = (json["attachments"] as JsonObject)?.DeepClone().AsObject(),
        };
        if (json["outputs"] is JsonArray outputs)
        {
            cell.Outputs.AddRange(outputs.OfType<JsonObject>().Select(o => o.DeepClone().AsObject()));
        }

        return cell;
    }

    private static JsonObject ToJson(NotebookCell cell)
    {
        var json = new JsonObject
        {
            ["cell_type"] = cell.Kind switch { CellKind.Code => "code", CellKind.Markdown => "markdown", _ => "raw" },
            ["id"] = cell.Id,
            ["metadata"] = cell.Metadata.DeepClone(),
            ["source"] = ToLines(cell.Source),
        };
        if (cell.Kind == CellKind.Code)
        {
            json["execution_count"] = cell.ExecutionCount;
            json["outputs"] = new JsonArray(cell.Outputs.Select(o => o.DeepClone()).ToArray());
        }

        if (cell.Attachments is not null)
        {
            json["attachments"] = cell.Attachments.DeepClone();
        }

        return json;
    }
}
