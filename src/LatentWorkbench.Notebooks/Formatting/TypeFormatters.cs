namespace LatentWorkbench.Notebooks.Formatting;

/// <summary>The convention formatters of one type, and the mime types it prefers when displayed without any.</summary>
internal sealed record TypeFormatters(IReadOnlyList<ConventionFormatter> Formatters, IReadOnlyList<string>? PreferredMimeTypes)
{
    /// <summary>A type with no convention formatters.</summary>
    public static TypeFormatters None { get; } = new([], null);
}
