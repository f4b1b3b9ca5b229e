namespace LatentWorkbench.Reporting;

/// <summary>The kernel's convention formatters for <see cref="RecordedValue"/> (docs/polyglot-contract.md §3): text/plain and the JSON record.</summary>
internal sealed class RecordedValueFormatterSource
{
    /// <summary>The two formatters.</summary>
    public IEnumerable<object> CreateTypeFormatters() =>
    [
        new ConventionFormatter<RecordedValue>("text/plain", r => r.ToString()),
        new ConventionFormatter<RecordedValue>(RecordedValue.MimeType, r => r.ToJson()),
    ];
}
