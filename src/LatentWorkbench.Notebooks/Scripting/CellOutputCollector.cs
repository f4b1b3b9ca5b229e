using System.Text;
using System.Text.Json.Nodes;
using LatentWorkbench.Notebooks.Formatting;
using LatentWorkbench.Notebooks.Model;

namespace LatentWorkbench.Notebooks.Scripting;

/// <summary>
/// Gathers one cell's outputs in the order they happen: console text (merged into <c>stream</c> outputs while
/// consecutive on the same stream), displayed values (<c>display_data</c>, updatable in place), and the error.
/// Thread-safe: a cell may write from tasks it starts.
/// </summary>
internal sealed class CellOutputCollector
{
    private readonly object _gate = new();
    private readonly List<object> _items = [];
    private readonly string _displayIdPrefix;
    private int _displayCount;

    public CellOutputCollector(string displayIdPrefix) => _displayIdPrefix = displayIdPrefix;

    /// <summary>Appends console text to the cell's <paramref name="streamName"/> (stdout or stderr) output.</summary>
    public void WriteStream(string streamName, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        lock (_gate)
        {
            if (_items.Count > 0 && _items[^1] is StreamItem last && last.Name == streamName)
            {
                last.Text.Append(text);
            }
            else
            {
                _items.Add(new StreamItem(streamName, new StringBuilder(text)));
            }
        }
    }

    /// <summary>Formats and appends a displayed value.</summary>
    public DisplayedValue Display(object? value, string[] mimeTypes)
    {
        var formatted = ValueFormatter.Format(value, mimeTypes);
        lock (_gate)
        {
            var handle = new DisplayedValue(this, $"{_displayIdPrefix}-{++_displayCount}", mimeTypes ?? []);
            _items.Add(new DisplayItem(handle, formatted));
            return handle;
        }
    }

    /// <summary>Replaces the output behind <paramref name="handle"/> with <paramref name="value"/>.</summary>
    public void Update(DisplayedValue handle, object? value)
    {
        var formatted = ValueFormatter.Format(value, handle.MimeTypes);
        lock (_gate)
        {
            int index = _items.FindIndex(i => i is DisplayItem d && ReferenceEquals(d.Handle, handle));
            if (index < 0)
            {
                throw new InvalidOperationException($"Display '{handle.DisplayId}' is not in this cell's output.");
            }

            _items[index] = new DisplayItem(handle, formatted);
        }
    }

    /// <summary>The displayed values that are figures, in output order (after any updates).</summary>
    public IReadOnlyList<FormattedValue> Figures()
    {
        lock (_gate)
        {
            return _items.OfType<DisplayItem>().Select(d => d.Value).Where(v => v.IsFigure).ToList();
        }
    }

    /// <summary>The nbformat output objects, in order.</summary>
    public List<JsonObject> ToOutputs()
    {
        lock (_gate)
        {
            return _items.Select(item => item switch
            {
                StreamItem s => new JsonObject
                {
                    ["name"] = s.Name,
                    ["output_type"] = "stream",
                    ["text"] = IpynbSerializer.ToLines(s.Text.ToString()),
                },
                DisplayItem d => DisplayData(d.Value),
                _ => throw new InvalidOperationException("unknown output item"),
            }).ToList();
        }
    }

    /// <summary>An <c>error</c> output (ename, evalue, traceback lines).</summary>
    public static JsonObject ErrorOutput(string name, string message, IEnumerable<string> traceback) => new()
    {
        ["ename"] = name,
        ["evalue"] = message,
        ["output_type"] = "error",
        ["traceback"] = new JsonArray(traceback.Select(l => (JsonNode)JsonValue.Create(l)).ToArray()),
    };

    private static JsonObject DisplayData(FormattedValue value)
    {
        var data = new JsonObject();
        foreach (var (mimeType, text) in value.Data)
        {
            data[mimeType] = MimeData(mimeType, text);
        }

        return new JsonObject { ["data"] = data, ["metadata"] = new JsonObject(), ["output_type"] = "display_data" };
    }

    // As VS Code stores them: JSON mime types as JSON, binary images as one base64 string, text as a list of lines.
    private static JsonNode MimeData(string mimeType, string text)
    {
        if (mimeType.EndsWith("json", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return JsonNode.Parse(text) ?? JsonValue.Create(text);
            }
            catch (System.Text.Json.JsonException)
            {
                return JsonValue.Create(text);
            }
        }

        return mimeType.StartsWith("image/", StringComparison.Ordinal) && mimeType != MimeTypes.Svg
            ? JsonValue.Create(text)
            : IpynbSerializer.ToLines(text);
    }

    private sealed record StreamItem(string Name, StringBuilder Text);

    private sealed record DisplayItem(DisplayedValue Handle, FormattedValue Value);
}
