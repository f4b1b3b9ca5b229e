using System.Globalization;
using System.Text;
using System.Text.Json;

namespace LatentWorkbench.Reporting;

/// <summary>
/// A named number, string or flag that a notebook records for later runs to compare (papermill's scrapbook
/// idea), made by <see cref="Recorded"/>. Displayed as <c>text/plain</c> (<c>name = value</c>) plus
/// <see cref="MimeType"/> (<c>{"name": ..., "value": ...}</c>), which the workbench's runner collects into the
/// executed notebook's metadata and <c>artifacts/metrics.json</c>.
/// </summary>
[TypeFormatterSource(typeof(RecordedValueFormatterSource), PreferredMimeTypes = [PlainTextMimeType, MimeType])]
public sealed class RecordedValue
{
    /// <summary>The mime type of the machine-readable form.</summary>
    public const string MimeType = "application/vnd.latentworkbench.recorded+json";

    private const string PlainTextMimeType = "text/plain";
    private const int MaxNameLength = 100;

    internal RecordedValue(string name, object value)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || name.Length > MaxNameLength || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
        {
            throw new ArgumentException(
                $"Recorded value name '{name}' must be 1 to {MaxNameLength} ASCII letters, digits, '_', '-' or '.' (e.g. pca30_test_error).", nameof(name));
        }

        Name = name;
        Value = value;
    }

    /// <summary>The name (ASCII letters, digits, <c>_</c>, <c>-</c>, <c>.</c>).</summary>
    public string Name { get; }

    /// <summary>The value: a <see cref="double"/>, <see cref="long"/>, <see cref="string"/> or <see cref="bool"/>.</summary>
    public object Value { get; }

    /// <summary>The machine-readable form: <c>{"name": ..., "value": ...}</c>; a non-finite double is written as the string <c>"NaN"</c>, <c>"Infinity"</c> or <c>"-Infinity"</c>.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("name", Name);
            writer.WritePropertyName("value");
            switch (Value)
            {
                case double d when double.IsFinite(d):
                    writer.WriteNumberValue(d);
                    break;
                case double d:
                    writer.WriteStringValue(d.ToString(CultureInfo.InvariantCulture));
                    break;
                case long l:
                    writer.WriteNumberValue(l);
                    break;
                case bool b:
                    writer.WriteBooleanValue(b);
                    break;
                default:
                    writer.WriteStringValue((string)Value);
                    break;
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The readable form: <c>name = value</c> (numbers in invariant culture, shortest round-trip form).</summary>
    public override string ToString() => Value switch
    {
        double d => $"{Name} = {d.ToString(CultureInfo.InvariantCulture)}",
        long l => $"{Name} = {l.ToString(CultureInfo.InvariantCulture)}",
        bool b => $"{Name} = {(b ? "true" : "false")}",
        _ => $"{Name} = {Value}",
    };
}
