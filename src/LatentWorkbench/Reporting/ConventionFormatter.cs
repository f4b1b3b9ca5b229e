namespace LatentWorkbench.Reporting;

/// <summary>
/// One .NET Interactive convention formatter (docs/polyglot-contract.md §3), found by the kernel by its members' names:
/// a mime type, the type formatted and one <c>Format(object, TextWriter)</c>. The formatter sources of
/// <see cref="RecordedValue"/> and <see cref="Findings"/> return these.
/// </summary>
/// <typeparam name="T">The type formatted.</typeparam>
/// <param name="mimeType">The mime type written.</param>
/// <param name="render">The value's text in that mime type.</param>
internal sealed class ConventionFormatter<T>(string mimeType, Func<T, string> render)
    where T : class
{
    /// <summary>The mime type written.</summary>
    public string MimeType { get; } = mimeType;

    /// <summary>The type formatted.</summary>
    public Type Type => typeof(T);

    /// <summary>Writes the value; false for anything that is not a <typeparamref name="T"/>.</summary>
    public bool Format(object instance, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (instance is not T value)
        {
            return false;
        }

        writer.Write(render(value));
        return true;
    }
}
