namespace LatentWorkbench.Figures.Display;

/// <summary>
/// The convention-based formatter source the Polyglot kernel instantiates for figures and image grids
/// (public parameterless constructor, exactly one public <see cref="CreateTypeFormatters"/>).
/// </summary>
public sealed class FigureFormatterSource
{
    private static readonly Type[] RenderedTypes = [typeof(ImageGrid)];

    /// <summary>One formatter per rendered type and MIME type.</summary>
    public IEnumerable<MimeFormatter> CreateTypeFormatters() =>
        [.. from type in RenderedTypes
            from mimeType in new[] { MimeTypes.Html, MimeTypes.Svg, MimeTypes.PlainText }
            select new MimeFormatter(type, mimeType)];
}
