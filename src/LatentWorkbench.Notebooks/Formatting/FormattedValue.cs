namespace LatentWorkbench.Notebooks.Formatting;

/// <summary>A value rendered to a mime bundle.</summary>
/// <param name="Data">Mime type → representation, in the order produced.</param>
/// <param name="IsFigure">
/// True when the bundle holds an image (<c>image/svg+xml</c>, <c>image/png</c>) or a figure label, or <c>text/html</c>
/// written by the type's own formatter: such values are exported to the figures folder. The defaults' HTML tables of
/// plain objects are not figures.
/// </param>
/// <param name="Title">The figure's title (its label's, else the value's <c>Title</c> property when non-empty).</param>
public sealed record FormattedValue(IReadOnlyDictionary<string, string> Data, bool IsFigure, string? Title)
{
    /// <summary>The id the figure was given (<c>WithId</c>), or null: its files are then named from the title or the cell.</summary>
    public string? Id { get; init; }

    /// <summary>The figure's own caption (<c>WithCaption</c>), or null: reports then use the title.</summary>
    public string? Caption { get; init; }
}
