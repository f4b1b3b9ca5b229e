namespace LatentWorkbench.Notebooks.Formatting;

/// <summary>The mime types the runner knows by name.</summary>
public static class MimeTypes
{
    /// <summary>Plain text.</summary>
    public const string PlainText = "text/plain";

    /// <summary>HTML (interactive in VS Code).</summary>
    public const string Html = "text/html";

    /// <summary>SVG (static; shown by GitHub's viewer).</summary>
    public const string Svg = "image/svg+xml";

    /// <summary>PNG, base64-encoded in the bundle.</summary>
    public const string Png = "image/png";

    /// <summary>
    /// A recorded value (<c>{"name": ..., "value": ...}</c>), displayed by <c>LatentWorkbench.Reporting.Recorded</c>
    /// beside its <c>text/plain</c> form; the runner collects these into the executed notebook's metadata.
    /// </summary>
    public const string RecordedValue = "application/vnd.latentworkbench.recorded+json";

    /// <summary>
    /// A figure's label (<c>{"id": ..., "title": ..., "caption": ...}</c>, members optional), displayed by the
    /// LatentWorkbench formatters of charts, tables and images beside their renderings; the runner names and captions
    /// exported figures with it.
    /// </summary>
    public const string FigureLabel = "application/vnd.latentworkbench.figure+json";
}
