namespace LatentWorkbench.Reporting;

/// <summary>The kernel's convention formatters for <see cref="Findings"/> (docs/polyglot-contract.md §3): markdown and plain text.</summary>
internal sealed class FindingsFormatterSource
{
    /// <summary>The two formatters.</summary>
    public IEnumerable<object> CreateTypeFormatters() =>
    [
        new Formatter(Findings.MarkdownMimeType, f => f.ToMarkdown()),
        new Formatter("text/plain", f => f.ToString()),
    ];

    /// <summary>One convention formatter: a mime type and one <c>Format(object, TextWriter)</c>.</summary>
    public sealed class Formatter(string mimeType, Func<Findings, string> render)
    {
        /// <summary>The mime type written.</summary>
        public string MimeType { get; } = mimeType;

        /// <summary>The type formatted.</summary>
        public Type Type => typeof(Findings);

        /// <summary>Writes the findings; false for anything else.</summary>
        public bool Format(object instance, TextWriter writer)
        {
            ArgumentNullException.ThrowIfNull(writer);
            if (instance is not Findings findings)
            {
                return false;
            }

            writer.Write(render(findings));
            return true;
        }
    }
}
