namespace LatentWorkbench.Reporting;

/// <summary>The kernel's convention formatters for <see cref="Findings"/> (docs/polyglot-contract.md §3): markdown and plain text.</summary>
internal sealed class FindingsFormatterSource
{
    /// <summary>The two formatters.</summary>
    public IEnumerable<object> CreateTypeFormatters() =>
    [
        new ConventionFormatter<Findings>(Findings.MarkdownMimeType, f => f.ToMarkdown()),
        new ConventionFormatter<Findings>("text/plain", f => f.ToString()),
    ];
}
