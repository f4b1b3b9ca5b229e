namespace LatentWorkbench.Tests.Notebooks;

/// <summary>The convention's formatter source: a public parameterless constructor and one CreateTypeFormatters().</summary>
public sealed class FixtureFigureFormatterSource
{
    /// <summary>An SVG fallback, an SVG formatter that declines empty figures, and an HTML formatter.</summary>
    /// <remarks>
    /// The kernel registers the formatters in this order and tries the most recently registered first, so the
    /// specific SVG formatter comes after its fallback: when it returns false the fallback writes.
    /// </remarks>
    public IEnumerable<object> CreateTypeFormatters() =>
    [
        new Formatter("image/svg+xml", _ => "<svg>empty</svg>"),
        new Formatter("image/svg+xml", f => f.Points == 0 ? null : $"<svg data-points=\"{f.Points}\">{f.Title}</svg>"),
        new Formatter("text/html", f => $"<div class=\"fixture\">{f.Title}:{f.Points}</div>"),
    ];

    /// <summary>A convention formatter: MimeType, Type, and one Format(object, TextWriter) returning false to pass.</summary>
    public sealed class Formatter(string mimeType, Func<FixtureFigure, string?> render)
    {
        /// <summary>The mime type written.</summary>
        public string MimeType { get; } = mimeType;

        /// <summary>The type formatted.</summary>
        public Type Type => typeof(FixtureFigure);

        /// <summary>Writes the figure, or returns false to let the next formatter try.</summary>
        public bool Format(object instance, TextWriter writer)
        {
            ArgumentNullException.ThrowIfNull(writer);
            if (instance is not FixtureFigure figure || render(figure) is not { } text)
            {
                return false;
            }

            writer.Write(text);
            return true;
        }
    }
}
