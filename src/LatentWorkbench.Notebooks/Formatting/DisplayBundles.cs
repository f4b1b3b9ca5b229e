using System.Reflection;
using Microsoft.DotNet.Interactive.Events;

namespace LatentWorkbench.Notebooks.Formatting;

/// <summary>Turns what the kernel displayed (a <see cref="DisplayEvent"/>: the value and the kernel Formatter's mime bundle) into a <see cref="FormattedValue"/>.</summary>
internal static class DisplayBundles
{
    /// <summary>The class name of the kernel's convention attribute (docs/polyglot-contract.md §3), matched by name as the kernel does.</summary>
    private const string ConventionAttributeName = "TypeFormatterSourceAttribute";

    /// <summary>The bundle of <paramref name="displayed"/>, without the representations marked to be suppressed.</summary>
    /// <remarks>
    /// A figure is a bundle with an image (<c>image/svg+xml</c>, <c>image/png</c>), or <c>text/html</c> written for a
    /// type that declares its own formatters; the kernel's default HTML of a plain object or sequence is not one.
    /// </remarks>
    public static FormattedValue From(DisplayEvent displayed)
    {
        ArgumentNullException.ThrowIfNull(displayed);
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in displayed.FormattedValues.Where(v => !v.SuppressDisplay))
        {
            data[value.MimeType] = value.Value ?? string.Empty;
        }

        return From(displayed.Value, data);
    }

    /// <summary>The bundle <paramref name="data"/> of <paramref name="shownValue"/>, as the kernel displayed it or as a twin's host formatted it.</summary>
    public static FormattedValue From(object? shownValue, IReadOnlyDictionary<string, string> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Of(data, shownValue is { } shown && DeclaresFormatters(shown.GetType()), TitleOf(shownValue));
    }

    /// <summary>
    /// The figure in a bundle: <paramref name="data"/> as displayed (or as recorded in a notebook output),
    /// <paramref name="ownFormatters"/> when the value's type declared its own formatters, and the value's
    /// <c>Title</c> property; the bundle's figure label, when it has one, gives the id, caption and title.
    /// </summary>
    public static FormattedValue Of(IReadOnlyDictionary<string, string> data, bool ownFormatters, string? valueTitle)
    {
        ArgumentNullException.ThrowIfNull(data);
        var (id, title, caption) = LabelOf(data);
        bool hasImage = data.ContainsKey(MimeTypes.Svg) || data.ContainsKey(MimeTypes.Png);
        bool ownHtml = data.ContainsKey(MimeTypes.Html) && ownFormatters;
        bool labelled = data.ContainsKey(MimeTypes.FigureLabel);
        return new FormattedValue(data, hasImage || ownHtml || labelled, title ?? valueTitle) { Id = id, Caption = caption };
    }

    private static (string? Id, string? Title, string? Caption) LabelOf(IReadOnlyDictionary<string, string> data)
    {
        if (!data.TryGetValue(MimeTypes.FigureLabel, out string? json))
        {
            return (null, null, null);
        }

        try
        {
            return System.Text.Json.Nodes.JsonNode.Parse(json) is System.Text.Json.Nodes.JsonObject label
                ? (Member(label, "id"), Member(label, "title"), Member(label, "caption"))
                : (null, null, null);
        }
        catch (System.Text.Json.JsonException)
        {
            return (null, null, null);
        }
    }

    private static string? Member(System.Text.Json.Nodes.JsonObject label, string name) =>
        label[name] is System.Text.Json.Nodes.JsonValue value && value.TryGetValue(out string? text) && text.Length > 0 ? text : null;

    // The kernel's own messages (e.g. "Installed Packages") declare formatters too; they are not figures.
    private static bool DeclaresFormatters(Type type)
    {
        if (type.Assembly.GetName().Name?.StartsWith("Microsoft.DotNet.Interactive", StringComparison.Ordinal) == true)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.GetCustomAttributes(inherit: false).Any(a => a.GetType().Name == ConventionAttributeName))
            {
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
