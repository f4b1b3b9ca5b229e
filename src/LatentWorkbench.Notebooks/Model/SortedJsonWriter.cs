using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LatentWorkbench.Notebooks.Model;

/// <summary>
/// Writes JSON the way VS Code's notebook serializer does: object keys sorted (ordinal, recursively),
/// 1-space indent, <c>[]</c>/<c>{}</c> for empty containers, and JavaScript's <c>JSON.stringify</c> escaping
/// (only quote, backslash and control characters), so files saved by VS Code and by our tools diff cleanly.
/// </summary>
public static class SortedJsonWriter
{
    /// <summary>Serializes <paramref name="node"/> with a trailing newline.</summary>
    public static string Write(JsonNode? node)
    {
        var builder = new StringBuilder();
        WriteNode(builder, node, 0);
        builder.Append('\n');
        return builder.ToString();
    }

    private static void WriteNode(StringBuilder builder, JsonNode? node, int depth)
    {
        switch (node)
        {
            case null:
                builder.Append("null");
                break;
            case JsonObject obj:
                WriteObject(builder, obj, depth);
                break;
            case JsonArray array:
                WriteArray(builder, array, depth);
                break;
            case JsonValue value:
                WriteValue(builder, value);
                break;
        }
    }

    private static void WriteObject(StringBuilder builder, JsonObject obj, int depth)
    {
        if (obj.Count == 0)
        {
            builder.Append("{}");
            return;
        }

        builder.Append("{\n");
        var keys = obj.Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
        for (int i = 0; i < keys.Count; i++)
        {
            builder.Append(' ', depth + 1);
            WriteString(builder, keys[i]);
            builder.Append(": ");
            WriteNode(builder, obj[keys[i]], depth + 1);
            builder.Append(i < keys.Count - 1 ? ",\n" : "\n");
        }

        builder.Append(' ', depth).Append('}');
    }

    private static void WriteArray(StringBuilder builder, JsonArray array, int depth)
    {
        if (array.Count == 0)
        {
            builder.Append("[]");
            return;
        }

        builder.Append("[\n");
        for (int i = 0; i < array.Count; i++)
        {
            builder.Append(' ', depth + 1);
            WriteNode(builder, array[i], depth + 1);
            builder.Append(i < array.Count - 1 ? ",\n" : "\n");
        }

        builder.Append(' ', depth).Append(']');
    }

    private static void WriteValue(StringBuilder builder, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(builder, value.GetValue<string>());
                break;
            case JsonValueKind.Number when value.TryGetValue(out double d) && !value.TryGetValue(out long _):
                // JavaScript prints the shortest round-trip form and no ".0" for integral doubles.
                builder.Append(d.ToString("R", CultureInfo.InvariantCulture));
                break;
            default:
                builder.Append(value.ToJsonString());
                break;
        }
    }

    private static void WriteString(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (char c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case < ' ': builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: builder.Append(c); break;
            }
        }

        builder.Append('"');
    }
}
