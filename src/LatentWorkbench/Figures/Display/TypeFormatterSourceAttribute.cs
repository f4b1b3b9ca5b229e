namespace LatentWorkbench.Figures.Display;

/// <summary>
/// Tells the Polyglot (.NET Interactive) kernel how to render the marked type, with no package reference:
/// the kernel looks for an attribute whose class is named exactly <c>TypeFormatterSourceAttribute</c> and
/// reads <see cref="FormatterSourceType"/> and <see cref="PreferredMimeTypes"/> by reflection
/// (../shared/specs/polyglot.md §3). Our notebook runner does the same.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = true)]
internal sealed class TypeFormatterSourceAttribute : Attribute
{
    /// <summary>Marks a type as rendered by the formatters of <paramref name="formatterSourceType"/>.</summary>
    public TypeFormatterSourceAttribute(Type formatterSourceType) => FormatterSourceType = formatterSourceType;

    /// <summary>A type with a public parameterless constructor and one public <c>CreateTypeFormatters()</c>.</summary>
    public Type FormatterSourceType { get; }

    /// <summary>The MIME types emitted together in one output when the value is displayed.</summary>
    public string[] PreferredMimeTypes { get; set; } = [];
}
