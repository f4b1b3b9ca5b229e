namespace LatentWorkbench.Figures.Display;

/// <summary>Builds mime bundles from an <see cref="IMimeRenderable"/>.</summary>
internal static class MimeBundle
{
    /// <summary>All of <paramref name="value"/>'s renderings, in its preferred order.</summary>
    public static IReadOnlyDictionary<string, string> Of(IMimeRenderable value)
    {
        var bundle = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string mimeType in value.MimeTypes)
        {
            bundle[mimeType] = value.Render(mimeType);
        }

        return bundle;
    }

    /// <summary>The error for a MIME type a value does not render to.</summary>
    public static ArgumentException Unsupported(string mimeType, IMimeRenderable value) =>
        new($"Cannot render as '{mimeType}'; supported: {string.Join(", ", value.MimeTypes)}.", nameof(mimeType));
}
