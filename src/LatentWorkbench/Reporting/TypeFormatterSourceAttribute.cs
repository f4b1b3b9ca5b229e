namespace LatentWorkbench.Reporting;

/// <summary>
/// The .NET Interactive convention attribute (docs/polyglot-contract.md §3), matched by the kernel on its class
/// name only, so the library needs no kernel reference: names the formatter source and the preferred mime types.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
{
    /// <summary>The type whose <c>CreateTypeFormatters()</c> returns the formatters.</summary>
    public Type FormatterSourceType { get; } = formatterSourceType;

    /// <summary>The mime types produced when the value is displayed without any.</summary>
    public string[]? PreferredMimeTypes { get; set; }
}
