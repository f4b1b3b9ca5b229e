namespace LatentWorkbench.Notebooks.Formatting;

/// <summary>A value rendered to a mime bundle.</summary>
/// <param name="Data">Mime type → representation, in the order produced.</param>
/// <param name="IsFigure">
/// True when the bundle holds <c>image/svg+xml</c>, or <c>text/html</c> written by the type's own formatter:
/// such values are exported to the figures folder. The defaults' HTML tables of plain objects are not figures.
/// </param>
/// <param name="Title">The value's <c>Title</c> property when it has a non-empty one (used to name and caption figures).</param>
public sealed record FormattedValue(IReadOnlyDictionary<string, string> Data, bool IsFigure, string? Title);
