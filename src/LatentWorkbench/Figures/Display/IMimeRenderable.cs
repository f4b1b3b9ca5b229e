namespace LatentWorkbench.Figures.Display;

/// <summary>A value the notebook runner (and the Polyglot kernel, through <see cref="FigureFormatterSource"/>) can show.</summary>
public interface IMimeRenderable
{
    /// <summary>The MIME types this value renders to, preferred first; all of them go into one output.</summary>
    IReadOnlyList<string> MimeTypes { get; }

    /// <summary>Renders the value as <paramref name="mimeType"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="mimeType"/> is not in <see cref="MimeTypes"/>.</exception>
    string Render(string mimeType);

    /// <summary>Every rendering keyed by MIME type (a notebook <c>display_data</c> bundle's <c>data</c>).</summary>
    IReadOnlyDictionary<string, string> ToMimeBundle();
}
