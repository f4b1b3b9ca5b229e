using System.Text.Json;
using System.Text.Json.Nodes;
using LatentWorkbench.Notebooks.Formatting;

namespace LatentWorkbench.Notebooks.Execution;

/// <summary>
/// The values a notebook recorded (papermill's scrapbook idea): every displayed bundle holding
/// <see cref="MimeTypes.RecordedValue"/> (<c>{"name": ..., "value": ...}</c>). The executed notebook keeps them in
/// <c>metadata.latentworkbench.recorded</c> (name → value, a later record of a name replacing an earlier one).
/// </summary>
public static class RecordedValues
{
    /// <summary>The notebook-metadata key the runner writes under.</summary>
    public const string MetadataKey = "latentworkbench";

    /// <summary>The key of the name → value object inside <see cref="MetadataKey"/>.</summary>
    public const string RecordedKey = "recorded";

    /// <summary>Adds the records among <paramref name="bundles"/> to <paramref name="recorded"/>.</summary>
    public static void Collect(IEnumerable<FormattedValue> bundles, JsonObject recorded)
    {
        ArgumentNullException.ThrowIfNull(bundles);
        ArgumentNullException.ThrowIfNull(recorded);
        foreach (var bundle in bundles)
        {
            if (!bundle.Data.TryGetValue(MimeTypes.RecordedValue, out string? json))
            {
                continue;
            }

            JsonObject? record;
            try
            {
                record = JsonNode.Parse(json) as JsonObject;
            }
            catch (JsonException)
            {
                record = null;
            }

            if (record?["name"] is JsonValue name && name.TryGetValue(out string? key) && key.Length > 0)
            {
                recorded[key] = record["value"]?.DeepClone();
            }
        }
    }

    /// <summary>The recorded values of an executed notebook's metadata (empty when it recorded none).</summary>
    public static JsonObject Of(JsonObject notebookMetadata)
    {
        ArgumentNullException.ThrowIfNull(notebookMetadata);
        return (notebookMetadata[MetadataKey]?[RecordedKey] as JsonObject)?.DeepClone().AsObject() ?? [];
    }
}
