namespace LatentWorkbench.Figures.Display;

/// <summary>The MIME types our renderable types produce.</summary>
public static class MimeTypes
{
    /// <summary>Interactive HTML (a Plotly.js figure, or an inline SVG / table).</summary>
    public const string Html = "text/html";

    /// <summary>Static SVG, shown where scripts do not run (GitHub, exported notebooks).</summary>
    public const string Svg = "image/svg+xml";

    /// <summary>Plain text.</summary>
    public const string PlainText = "text/plain";
}
