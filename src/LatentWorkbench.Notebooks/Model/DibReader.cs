using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Documents;

namespace LatentWorkbench.Notebooks.Model;

/// <summary>
/// Reads Polyglot's plain-text .dib format with the kernel's own parser
/// (<see cref="CodeSubmission"/> in Microsoft.DotNet.Interactive.Documents): an optional <c>#!meta</c> cell
/// holding JSON (kernelInfo), then cells that each start at a kernel-selector line (<c>#!csharp</c>,
/// <c>#!markdown</c>, ...). A .dib stores no outputs.
/// </summary>
public static class DibReader
{
    /// <summary>Parses .dib text; <paramref name="origin"/> names the file in error messages and seeds the cell ids.</summary>
    /// <exception cref="NotebookFormatException">The <c>#!meta</c> cell is not valid JSON.</exception>
    public static Notebook Parse(string text, string origin)
    {
        ArgumentNullException.ThrowIfNull(text);
        InteractiveDocument document;
        try
        {
            document = CodeSubmission.Parse(text.Replace("\r\n", "\n", StringComparison.Ordinal), KnownKernels());
        }
        catch (JsonException e)
        {
            throw new NotebookFormatException($"Notebook '{origin}': the #!meta cell is not valid JSON: {e.Message}", e);
        }

        var metadata = PolyglotMetadata.NotebookMetadata();
        if (document.Metadata.TryGetValue("kernelInfo", out object? kernelInfo) && kernelInfo is KernelInfoCollection kernels && kernels.Count > 0)
        {
            metadata["polyglot_notebook"] = new JsonObject { ["kernelInfo"] = KernelInfoJson(kernels) };
        }

        var cells = new List<NotebookCell>();
        foreach (var element in document.Elements)
        {
            string id = CellIds.FromSeed($"{Path.GetFileName(origin)}#{cells.Count}");
            string kernel = element.KernelName ?? PolyglotMetadata.CSharpKernelName;
            if (kernel == "markdown")
            {
                cells.Add(NotebookCell.NewMarkdown(id, element.Contents));
                continue;
            }

            var cell = NotebookCell.NewCode(id, element.Contents);
            cell.Metadata["polyglot_notebook"] = new JsonObject { ["kernelName"] = kernel };
            cell.Metadata["dotnet_interactive"] = new JsonObject { ["language"] = kernel };
            cells.Add(cell);
        }

        return new Notebook(metadata, cells);
    }

    // The selectors the extension recognises without a #!meta cell (the dotnet-interactive tool's kernels); #!meta adds others.
    private static KernelInfoCollection KnownKernels() =>
    [
        new KernelInfo(PolyglotMetadata.CSharpKernelName, "C#", ["c#", "C#"]),
        new KernelInfo("fsharp", "F#", ["f#", "F#"]),
        new KernelInfo("pwsh", "PowerShell", ["powershell"]),
        new KernelInfo("javascript", "JavaScript", ["js"]),
        new KernelInfo("html", "HTML"),
        new KernelInfo("sql", "SQL"),
        new KernelInfo("kql", "KQL"),
        new KernelInfo("mermaid", "Mermaid"),
        new KernelInfo("http", "HTTP"),
        new KernelInfo("value"),
    ];

    private static JsonObject KernelInfoJson(KernelInfoCollection kernels)
    {
        var items = new JsonArray();
        foreach (var kernel in kernels)
        {
            var item = new JsonObject
            {
                ["aliases"] = new JsonArray(kernel.Aliases.Select(a => (JsonNode)JsonValue.Create(a)).ToArray()),
                ["name"] = kernel.Name,
            };
            if (kernel.LanguageName is { } language)
            {
                item["languageName"] = language;
            }

            items.Add(item);
        }

        return new JsonObject { ["defaultKernelName"] = kernels.DefaultKernelName ?? PolyglotMetadata.CSharpKernelName, ["items"] = items };
    }
}
