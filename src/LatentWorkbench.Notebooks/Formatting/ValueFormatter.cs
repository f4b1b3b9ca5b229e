using System.Reflection;

namespace LatentWorkbench.Notebooks.Formatting;

/// <summary>Renders a displayed value to a mime bundle, as the kernel's formatter does.</summary>
/// <remarks>
/// Mime types: those requested; else the type's <c>PreferredMimeTypes</c> (from its convention attribute);
/// else <c>text/plain</c> for strings, <c>text/html</c> for HTML content, and <c>text/html</c> + <c>text/plain</c>
/// for every other object. For each mime type the type's convention formatters are tried in order (the first
/// that returns true wins), then the defaults (<see cref="DefaultFormatters"/>) for text/plain and text/html.
/// </remarks>
public static class ValueFormatter
{
    /// <summary>Formats <paramref name="value"/> for <paramref name="mimeTypes"/> (none: the preferred ones).</summary>
    /// <exception cref="InvalidOperationException">A requested mime type that neither the type's formatters nor the defaults produce.</exception>
    public static FormattedValue Format(object? value, IReadOnlyList<string>? mimeTypes = null)
    {
        var formatters = value is null ? TypeFormatters.None : ConventionFormatters.For(value.GetType());
        var wanted = mimeTypes is { Count: > 0 } ? mimeTypes : PreferredMimeTypes(value, formatters);
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        bool fromConvention = false;
        foreach (string mimeType in wanted.Distinct(StringComparer.Ordinal))
        {
            if (TryConvention(value, mimeType, formatters, out string? text))
            {
                data[mimeType] = text;
                fromConvention |= mimeType is MimeTypes.Html or MimeTypes.Svg;
                continue;
            }

            data[mimeType] = mimeType switch
            {
                MimeTypes.PlainText => DefaultFormatters.PlainText(value),
                MimeTypes.Html => DefaultFormatters.Html(value),
                _ => throw new InvalidOperationException(
                    $"Cannot display a {value?.GetType().Name ?? "null"} as '{mimeType}': the type declares no formatter for it (convention: a TypeFormatterSourceAttribute on the type).")
            };
        }

        bool isFigure = data.ContainsKey(MimeTypes.Svg) || fromConvention;
        return new FormattedValue(data, isFigure, TitleOf(value));
    }

    private static IReadOnlyList<string> PreferredMimeTypes(object? value, TypeFormatters formatters) => value switch
    {
        string => [MimeTypes.PlainText],
        Scripting.HtmlContent => [MimeTypes.Html],
        _ when formatters.PreferredMimeTypes is { } preferred => preferred,
        _ => [MimeTypes.Html, MimeTypes.PlainText],
    };

    private static bool TryConvention(object? value, string mimeType, TypeFormatters formatters, out string text)
    {
        text = string.Empty;
        if (value is null)
        {
            return false;
        }

        foreach (var formatter in formatters.Formatters.Where(f => f.MimeType == mimeType))
        {
            using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            if (formatter.TryFormat(value, writer))
            {
                text = writer.ToString();
                return true;
            }
        }

        return false;
    }

    // A public string Title (the most derived one when a type hides its base's) names and captions figures.
    private static string? TitleOf(object? value)
    {
        var property = value?.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(p => p.Name == "Title" && p.PropertyType == typeof(string) && p.GetIndexParameters().Length == 0);
        try
        {
            return property?.GetValue(value) is string { Length: > 0 } title ? title : null;
        }
        catch (TargetInvocationException)
        {
            return null;
        }
    }
}
