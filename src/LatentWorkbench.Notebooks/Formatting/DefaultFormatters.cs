using System.Collections;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using LatentWorkbench.Notebooks.Scripting;

namespace LatentWorkbench.Notebooks.Formatting;

/// <summary>
/// What a value looks like when its type declares no formatter for a mime type: plain text for everything,
/// and a simple HTML rendering (a <c>pre</c> block, or a table of items or properties) like the kernel's defaults.
/// </summary>
internal static class DefaultFormatters
{
    /// <summary>How many items of a sequence (or properties of an object) the defaults show.</summary>
    public const int MaxItems = 20;

    /// <summary>The plain-text form: <c>&lt;null&gt;</c>, strings as they are, sequences as <c>[ a, b, ... ]</c>.</summary>
    public static string PlainText(object? value) => value switch
    {
        null => "<null>",
        string s => s,
        IEnumerable sequence => "[ " + string.Join(", ", Items(sequence).Select(ScalarText)) + (Count(sequence) > MaxItems ? ", ... ]" : " ]"),
        _ => ScalarText(value),
    };

    /// <summary>The HTML form: raw markup for <see cref="HtmlContent"/>, tables for sequences and objects, else escaped text.</summary>
    public static string Html(object? value) => value switch
    {
        HtmlContent html => html.Html,
        null or string or IFormattable or bool or char => Pre(PlainText(value)),
        IEnumerable sequence => SequenceTable(sequence),
        _ when ReadableProperties(value.GetType()) is { Count: > 0 } properties => PropertyTable(value, properties),
        _ => Pre(PlainText(value)),
    };

    private static string Pre(string text) => $"<div class=\"dni-plaintext\"><pre>{WebUtility.HtmlEncode(text)}</pre></div>";

    private static string SequenceTable(IEnumerable sequence)
    {
        var html = new StringBuilder("<table><thead><tr><th><i>index</i></th><th>value</th></tr></thead><tbody>");
        int index = 0;
        foreach (object? item in Items(sequence))
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{index++}</td><td>{WebUtility.HtmlEncode(ScalarText(item))}</td></tr>");
        }

        if (Count(sequence) > MaxItems)
        {
            html.Append("<tr><td colspan=\"2\"><i>(more)</i></td></tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }

    private static string PropertyTable(object value, IReadOnlyList<PropertyInfo> properties)
    {
        var html = new StringBuilder("<table><thead><tr>");
        foreach (var property in properties)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th>{WebUtility.HtmlEncode(property.Name)}</th>");
        }

        html.Append("</tr></thead><tbody><tr>");
        foreach (var property in properties)
        {
            object? propertyValue;
            try
            {
                propertyValue = property.GetValue(value);
            }
            catch (TargetInvocationException e)
            {
                propertyValue = $"({e.InnerException?.GetType().Name ?? "error"})";
            }

            html.Append(CultureInfo.InvariantCulture, $"<td>{WebUtility.HtmlEncode(PlainText(propertyValue))}</td>");
        }

        return html.Append("</tr></tbody></table>").ToString();
    }

    private static List<PropertyInfo> ReadableProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .Take(MaxItems)
            .ToList();

    private static string ScalarText(object? value) => value switch
    {
        null => "<null>",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        string or not IEnumerable => value.ToString() ?? string.Empty,
        _ => value.GetType().Name,
    };

    private static IEnumerable<object?> Items(IEnumerable sequence) => sequence.Cast<object?>().Take(MaxItems);

    private static int Count(IEnumerable sequence) => sequence is ICollection collection ? collection.Count : sequence.Cast<object?>().Take(MaxItems + 1).Count();
}
