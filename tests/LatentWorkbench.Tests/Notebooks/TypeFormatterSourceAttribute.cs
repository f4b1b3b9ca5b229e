namespace LatentWorkbench.Tests.Notebooks;

/// <summary>
/// The .NET Interactive convention attribute, declared here the way a library without a kernel reference
/// declares it: internal, matched by the runner on its class name only.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
{
    /// <summary>The type whose CreateTypeFormatters() returns the formatters.</summary>
    public Type FormatterSourceType { get; } = formatterSourceType;

    /// <summary>The mime types produced when the value is displayed without any.</summary>
    public string[]? PreferredMimeTypes { get; set; }
}
