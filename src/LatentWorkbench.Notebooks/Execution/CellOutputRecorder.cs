using System.Text;
using System.Text.Json.Nodes;
using LatentWorkbench.Notebooks.Formatting;
using LatentWorkbench.Notebooks.Model;
using Microsoft.DotNet.Interactive.Events;

namespace LatentWorkbench.Notebooks.Execution;

/// <summary>
/// One cell's outputs, built from the kernel's events in the order they were published, and written as VS Code
/// writes them: console text as <c>stream</c> outputs (consecutive text on one stream merged), displayed values and
/// the trailing expression's value as <c>display_data</c> (VS Code's Polyglot outputs carry no execute_result
/// marker, so its ipynb writer stores return values as display data too), a displayed value's updates in place,
/// and a failure as an <c>error</c> output.
/// </summary>
internal sealed class CellOutputRecorder
{
    private readonly List<object> _items = [];

    /// <summary>The kernel's failure report (exception and message), or null when the cell completed.</summary>
    public CommandFailed? Failed { get; private set; }

    /// <summary>Records <paramref name="kernelEvent"/> when it is an output; other events (diagnostics, completion...) are ignored.</summary>
    public void Add(KernelEvent kernelEvent)
    {
        switch (kernelEvent)
        {
            case StandardOutputValueProduced stdout:
                AppendStream("stdout", stdout);
                break;
            case StandardErrorValueProduced stderr:
                AppendStream("stderr", stderr);
                break;
            case DisplayedValueUpdated updated:
                Update(updated);
                break;
            case ErrorProduced error:
                _items.Add(new ErrorItem("Error", error.Message, [error.Message]));
                break;
            case DisplayEvent displayed:
                // DisplayedValueProduced and ReturnValueProduced.
                _items.Add(new DisplayItem(displayed.ValueId, DisplayBundles.From(displayed)));
                break;
            case CommandFailed failed:
                Failed ??= failed;
                break;
        }
    }

    /// <summary>The displayed bundles in output order (after updates).</summary>
    public IReadOnlyList<FormattedValue> Displayed() => _items.OfType<DisplayItem>().Select(d => d.Value).ToList();

    /// <summary>The nbformat output objects, in order, ending with <paramref name="failure"/>'s error output when given.</summary>
    public List<JsonObject> ToOutputs(CellFailure? failure)
    {
        var outputs = _items.Select(item => item switch
        {
            StreamItem s => new JsonObject
            {
                ["name"] = s.Name,
                ["output_type"] = "stream",
                ["text"] = IpynbSerializer.ToLines(s.Text.ToString()),
            },
            DisplayItem d => DisplayData(d.Value),
            ErrorItem e => ErrorOutput(e.Name, e.Message, e.Traceback),
            _ => throw new InvalidOperationException("unknown output item"),
        }).ToList();
        if (failure is not null)
        {
            outputs.Add(ErrorOutput(failure.ExceptionType, failure.Message, failure.Traceback));
        }

        return outputs;
    }

    private void AppendStream(string name, DisplayEvent text)
    {
        string chunk = string.Concat(text.FormattedValues.Select(v => v.Value));
        if (chunk.Length == 0)
        {
            return;
        }

        if (_items.Count > 0 && _items[^1] is StreamItem last && last.Name == name)
        {
            last.Text.Append(chunk);
        }
        else
        {
            _items.Add(new StreamItem(name, new StringBuilder(chunk)));
        }
    }

    private void Update(DisplayedValueUpdated updated)
    {
        int index = _items.FindIndex(i => i is DisplayItem d && d.ValueId is not null && d.ValueId == updated.ValueId);
        var item = new DisplayItem(updated.ValueId, DisplayBundles.From(updated));
        if (index < 0)
        {
            // An output displayed by an earlier cell: VS Code updates it there; here the update shows in this cell.
            _items.Add(item);
        }
        else
        {
            _items[index] = item;
        }
    }

    internal static JsonObject ErrorOutput(string name, string message, IEnumerable<string> traceback) => new()
    {
        ["ename"] = name,
        ["evalue"] = message,
        ["output_type"] = "error",
        ["traceback"] = new JsonArray(traceback.Select(l => (JsonNode)JsonValue.Create(l)).ToArray()),
    };

    internal static JsonObject DisplayData(FormattedValue value)
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

    private sealed record DisplayItem(string? ValueId, FormattedValue Value);

    private sealed record ErrorItem(string Name, string Message, IReadOnlyList<string> Traceback);
}
