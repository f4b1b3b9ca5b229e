namespace LatentWorkbench.Notebooks.Scripting;

/// <summary>A value shown in a cell's output, which can be replaced in place (the kernel's <c>DisplayedValue</c>).</summary>
public sealed class DisplayedValue
{
    private readonly CellOutputCollector _cell;

    internal DisplayedValue(CellOutputCollector cell, string displayId, IReadOnlyList<string> mimeTypes)
    {
        _cell = cell;
        DisplayId = displayId;
        MimeTypes = mimeTypes;
    }

    /// <summary>The id of the output this handle updates.</summary>
    public string DisplayId { get; }

    /// <summary>The representations requested when the value was displayed (empty: the type's preferred ones).</summary>
    public IReadOnlyList<string> MimeTypes { get; }

    /// <summary>Replaces the displayed output with <paramref name="updatedValue"/>, rendered with the same mime types.</summary>
    public void Update(object? updatedValue) => _cell.Update(this, updatedValue);
}
