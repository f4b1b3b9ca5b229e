using System.Text.Json;
using System.Text.Json.Nodes;
using LatentWorkbench.Notebooks.Execution;
using LatentWorkbench.Notebooks.Model;

namespace LatentWorkbench.Notebooks.Artifacts;

/// <summary>
/// <c>metrics.json</c> in an output folder: every executed notebook's recorded values
/// (<c>{"NAME.ipynb": {"name": value, ...}, ...}</c>), read from the notebooks' metadata so it always matches them.
/// </summary>
public static class MetricsFile
{
    /// <summary>The file's name.</summary>
    public const string FileName = "metrics.json";

    /// <summary>Writes <c>metrics.json</c> for the executed notebooks directly in <paramref name="directory"/>; returns its path.</summary>
    public static string Write(string directory)
    {
        string root = Path.GetFullPath(directory);
        var metrics = new JsonObject();
        foreach (string notebook in Directory.GetFiles(root, "*.ipynb").Order(StringComparer.Ordinal))
        {
            if (JsonNode.Parse(File.ReadAllText(notebook)) is JsonObject { } parsed && parsed["metadata"] is JsonObject metadata)
            {
                metrics[Path.GetFileName(notebook)] = RecordedValues.Of(metadata);
            }
        }

        string path = Path.Combine(root, FileName);
        AtomicFile.WriteAllText(path, SortedJsonWriter.Write(metrics));
        return path;
    }

    /// <summary>Reads a <c>metrics.json</c> (notebook → name → value).</summary>
    /// <exception cref="JsonException">The file is not a JSON object.</exception>
    public static JsonObject Read(string path) =>
        JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new JsonException($"{path}: expected a JSON object (notebook → name → value).");
}
