using System.Text.Json;
using System.Text.Json.Nodes;

namespace LatentWorkbench.Notebooks.Model;

/// <summary>
/// Reads Polyglot's plain-text .dib format: an optional <c>#!meta</c> cell holding JSON (kernelInfo), then cells
/// that each start at a kernel-selector line (<c>#!csharp</c>, <c>#!markdown</c>, ...). A .dib stores no outputs.
/// </summary>
public static class DibReader
{
    // Selectors that start a cell even when the #!meta kernelInfo does not list them (the kernel's built-in names).
    private static readonly string[] BuiltInKernelNames =
        ["csharp", "c#", "fsharp", "f#", "pwsh", "powershell", "javascript", "js", "html", "sql", "kql", "mermaid", "value", "http", "markdown", "md"];

    /// <summary>Parses .dib text; <paramref name="origin"/> names the file in error messages and seeds the cell ids.</summary>
    public static Notebook Parse(string text, string origin)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var metadata = PolyglotMetadata.NotebookMetadata();
        var kernelNames = new HashSet<string>(BuiltInKernelNames, StringComparer.OrdinalIgnoreCase);

        var sections = new List<(string Kernel, List<string> Lines)>();
        foreach (string line in lines)
        {
            string? selector = SelectorOf(line);
            if (selector is not null && (selector == "meta" || kernelNames.Contains(selector)))
            {
                sections.Add((selector, []));
                continue;
            }

            if (sections.Count == 0)
            {
                if (line.Trim().Length == 0)
                {
                    continue;
                }

                // Text before any selector belongs to the default kernel, as the extension reads it.
                sections.Add((PolyglotMetadata.CSharpKernelName, []));
            }

            sections[^1].Lines.Add(line);
        }

        var cells = new List<NotebookCell>();
        foreach (var (kernel, body) in sections)
        {
            string source = string.Join('\n', body).Trim('\n');
            if (kernel == "meta")
            {
                ApplyMeta(metadata, source, origin);
                continue;
            }

            string id = CellIds.FromSeed($"{Path.GetFileName(origin)}#{cells.Count}");
            if (kernel is "markdown" or "md")
            {
                cells.Add(NotebookCell.NewMarkdown(id, source));
                continue;
            }

            var cell = NotebookCell.NewCode(id, source);
            string name = kernel is "c#" or "C#" ? PolyglotMetadata.CSharpKernelName : kernel;
            cell.Metadata["polyglot_notebook"] = new JsonObject { ["kernelName"] = name };
            cell.Metadata["dotnet_interactive"] = new JsonObject { ["language"] = name };
            cells.Add(cell);
        }

        return new Notebook(metadata, cells);
    }

    private static string? SelectorOf(string line)
    {
        string trimmed = line.TrimEnd();
        return trimmed.StartsWith("#!", StringComparison.Ordinal) && trimmed.Length > 2 && !trimmed.Contains(' ', StringComparison.Ordinal)
            ? trimmed[2..]
            : null;
    }

    private static void ApplyMeta(JsonObject metadata, string json, string origin)
    {
        if (json.Length == 0)
        {
            return;
        }

        try
        {
            if (JsonNode.Parse(json) is JsonObject meta && meta["kernelInfo"] is JsonObject kernelInfo)
            {
                metadata["polyglot_notebook"] = new JsonObject { ["kernelInfo"] = kernelInfo.DeepClone() };
            }
        }
        catch (JsonException e)
        {
            throw new NotebookFormatException($"Notebook '{origin}': the #!meta cell is not valid JSON: {e.Message}", e);
        }
    }
}
