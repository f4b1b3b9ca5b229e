using System.Text.RegularExpressions;

namespace LatentWorkbench.Notebooks.Figures;

/// <summary>A caption as plain text for pages that do not render markdown: emphasis, code and link marks removed, whitespace collapsed.</summary>
/// <remarks>
/// Captions are written by people who also write the notebook's markdown, so "error against *k*" is common; shown
/// raw, the stars read as noise. Only the marks are removed, never the words they enclose.
/// </remarks>
public static partial class PlainCaption
{
    /// <summary><paramref name="caption"/> without markdown marks: <c>[text](url)</c> → text, <c>**</c>, <c>*</c>, <c>__</c>, <c>_</c> around words and backticks removed, leading <c>#</c> and <c>&gt;</c> dropped.</summary>
    public static string Of(string caption)
    {
        ArgumentNullException.ThrowIfNull(caption);
        string text = Link().Replace(caption, "$1");
        text = Emphasis().Replace(text, "$2");
        text = text.Replace("`", string.Empty, StringComparison.Ordinal);
        text = Whitespace().Replace(text, " ").Trim();
        return text.TrimStart('#', '>', ' ');
    }

    [GeneratedRegex(@"!?\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Link();

    // A run of * or _ that opens right before a non-space and closes right after one, not inside a word:
    // "2 * 3" keeps its star and snake_case_name its underscores.
    [GeneratedRegex(@"(?<![\w*_])(\*{1,3}|_{1,3})(?=\S)(.+?)(?<=\S)\1(?![\w*_])")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
