using System.Text;
using System.Text.Json.Nodes;
using LatentWorkbench.Notebooks.Execution;
using LatentWorkbench.Notebooks.Formatting;
using LatentWorkbench.Notebooks.Model;

namespace LatentWorkbench.Twins;

/// <summary>What one cell of a twin showed, in order: console text (consecutive text merged) and displayed bundles (replaced in place by updates).</summary>
/// <param name="index">The cell's 0-based index in the notebook; negative when no cell is running.</param>
internal sealed class CellOutputs(int index)
{
    private readonly List<object> _items = [];

    /// <summary>The cell's 0-based index in the notebook; negative when no cell is running.</summary>
    public int Index { get; } = index;

    /// <summary>Appends console text.</summary>
    public void AppendText(string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (_items.Count > 0 && _items[^1] is StringBuilder last)
        {
            last.Append(text);
        }
        else
        {
            _items.Add(new StringBuilder(text));
        }
    }

    /// <summary>Adds a displayed bundle; returns its slot.</summary>
    public int Add(FormattedValue bundle)
    {
        _items.Add(bundle);
        return _items.Count - 1;
    }

    /// <summary>The bundle in <paramref name="slot"/>.</summary>
    public FormattedValue Bundle(int slot) => (FormattedValue)_items[slot];

    /// <summary>Replaces the bundle in <paramref name="slot"/> (a live display's update).</summary>
    public void Replace(int slot, FormattedValue bundle) => _items[slot] = bundle;

    /// <summary>The displayed bundles, in order.</summary>
    public IReadOnlyList<FormattedValue> Bundles() => _items.OfType<FormattedValue>().ToList();

    /// <summary>The nbformat outputs, ending with an error output when the cell threw <paramref name="failure"/>.</summary>
    public List<JsonObject> ToOutputs(Exception? failure)
    {
        var outputs = _items.Select(item => item is StringBuilder text
            ? new JsonObject { ["name"] = "stdout", ["output_type"] = "stream", ["text"] = IpynbSerializer.ToLines(text.ToString()) }
            : CellOutputRecorder.DisplayData((FormattedValue)item)).ToList();
        if (failure is not null)
        {
            outputs.Add(CellOutputRecorder.ErrorOutput(failure.GetType().Name, failure.Message, failure.ToString().Split('\n').Select(l => l.TrimEnd('\r'))));
        }

        return outputs;
    }
}
