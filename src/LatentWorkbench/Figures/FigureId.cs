namespace LatentWorkbench.Figures;

/// <summary>The rule for figure ids: they become file names, so they are short, lower-case and portable.</summary>
public static class FigureId
{
    /// <summary>The longest id accepted (file names stay well under every file system's limit with the notebook's name in front).</summary>
    public const int MaxLength = 80;

    /// <summary>Throws unless <paramref name="id"/> is 1 to <see cref="MaxLength"/> characters of a–z, 0–9 and inner dashes (e.g. <c>recon-error</c>).</summary>
    /// <exception cref="ArgumentException">The id breaks the rule; the message shows the id and the rule.</exception>
    public static string Validate(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        bool valid = id.Length is > 0 and <= MaxLength
            && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            && id[0] != '-' && id[^1] != '-';
        return valid
            ? id
            : throw new ArgumentException(
                $"'{id}' is not a figure id: use 1 to {MaxLength} lower-case letters, digits and inner dashes, e.g. 'recon-error' (ids become file names).", nameof(id));
    }

    /// <summary>An id made from <paramref name="text"/> (a title): lower-case letters and digits, other runs of characters become one dash; null when nothing is left.</summary>
    public static string? FromTitle(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var slug = new System.Text.StringBuilder();
        foreach (char c in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        string result = slug.ToString()[..Math.Min(slug.Length, MaxLength)].Trim('-');
        return result.Length == 0 ? null : result;
    }
}
