namespace LatentWorkbench.Figures;

/// <summary>The formats <see cref="FigureFolder.Save"/> writes; combine with <c>|</c>.</summary>
[Flags]
public enum FigureFormats
{
    /// <summary>Static SVG, drawn without a browser (every figure kind).</summary>
    Svg = 1,

    /// <summary>PNG at a chosen scale, rendered by headless Chromium (skipped, with the reason, where it is not installed).</summary>
    Png = 2,

    /// <summary>A standalone HTML page that works offline: charts load the <c>plotly.min.js</c> written beside it, tables and images need no script.</summary>
    Html = 4,

    /// <summary>SVG, PNG and HTML.</summary>
    All = Svg | Png | Html,
}
