using System.Text.Json.Nodes;

namespace LatentWorkbench.Notebooks.Model;

/// <summary>The metadata that makes an .ipynb a C# Polyglot notebook (docs/polyglot-contract.md §1).</summary>
public static class PolyglotMetadata
{
    /// <summary>The kernel name the extension routes C# cells to.</summary>
    public const string CSharpKernelName = "csharp";

    /// <summary>The kernelspec name; VS Code opens the notebook with Polyglot when it starts with <c>.net-</c>.</summary>
    public const string KernelspecName = ".net-csharp";

    /// <summary>Top-level notebook metadata: kernelspec, language_info and polyglot_notebook.kernelInfo.</summary>
    public static JsonObject NotebookMetadata() => new()
    {
        ["kernelspec"] = new JsonObject
        {
            ["display_name"] = ".NET (C#)",
            ["language"] = "C#",
            ["name"] = KernelspecName,
        },
        ["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" },
        ["polyglot_notebook"] = new JsonObject
        {
            ["kernelInfo"] = new JsonObject
            {
                ["defaultKernelName"] = CSharpKernelName,
                ["items"] = new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["name"] = CSharpKernelName }),
            },
        },
    };

    /// <summary>Code-cell metadata: the current key and the legacy one, both naming C#.</summary>
    public static JsonObject CodeCellMetadata() => new()
    {
        ["dotnet_interactive"] = new JsonObject { ["language"] = CSharpKernelName },
        ["polyglot_notebook"] = new JsonObject { ["kernelName"] = CSharpKernelName },
    };

    /// <summary>The kernel a code cell names in its metadata (<c>polyglot_notebook.kernelName</c>, else the legacy key), or null.</summary>
    public static string? KernelNameOf(NotebookCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return (cell.Metadata["polyglot_notebook"] as JsonObject)?["kernelName"]?.GetValue<string>()
            ?? (cell.Metadata["dotnet_interactive"] as JsonObject)?["language"]?.GetValue<string>();
    }
}
