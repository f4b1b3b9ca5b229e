namespace LatentWorkbench.Reporting;

/// <summary>The kernel's convention formatters for <see cref="RecordedValue"/> (docs/polyglot-contract.md §3): text/plain and the JSON record.</summary>
internal sealed class RecordedValueFormatterSource
{
    /// <summary>The two formatters.</summary>
    public IEnumerable<object> CreateTypeFormatters() =>
    [
        new Formatter("text/plain", r => r.ToString()),
        new Formatter(RecordedValue.MimeType, r => r.ToJson()),
    ];

    /// <summary>One convention formatter: a mime type and one <c>Format(object, TextWriter)</c>.</summary>
    public sealed class Formatter(string mimeType, Func<RecordedValue, string> render)
    {
        /// <summary>The mime type written.</summary>
        public string MimeType { get; } = mimeType;

        /// <summary>The type formatted.</summary>
        public Type Type => typeof(RecordedValue);

        /// <summary>Writes the value; false for anything that is not a <see cref="RecordedValue"/>.</summary>
        public bool Format(object instance, TextWriter writer)
        {
            ArgumentNullException.ThrowIfNull(writer);
            if (instance is not RecordedValue recorded)
            {
                return false;
            }

            writer.Write(render(recorded));
            return true;
        }
    }
}
