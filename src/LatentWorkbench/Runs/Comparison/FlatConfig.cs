using System.Globalization;
using System.Text.Json;

namespace LatentWorkbench.Runs.Comparison;

/// <summary>A run's config as flat fields: nested objects become dotted names (<c>model.latent_size</c>), leaves become values.</summary>
/// <remarks>
/// Numbers that are whole become <see cref="long"/>, other numbers <see cref="double"/>, JSON strings and booleans stay
/// what they are, null stays null, and an array is kept whole as its compact JSON text (<c>[2,10,30]</c>): a list of
/// code sizes is one setting, not three.
/// </remarks>
internal static class FlatConfig
{
    /// <summary>The fields of <paramref name="configJson"/> (a JSON object) by dotted name, in document order.</summary>
    public static IReadOnlyList<KeyValuePair<string, object?>> Flatten(string configJson)
    {
        using var document = JsonDocument.Parse(configJson);
        var fields = new List<KeyValuePair<string, object?>>();
        if (document.RootElement.ValueKind == JsonValueKind.Object)
        {
            Add(document.RootElement, prefix: "", fields);
        }
        else
        {
            fields.Add(new("config", Leaf(document.RootElement)));
        }

        return fields;
    }

    /// <summary>
    /// The text a field's value is compared by: numbers by value in invariant culture (so <c>20</c>, <c>20.0</c> and
    /// <c>2e1</c> agree), booleans as <c>true</c>/<c>false</c>, strings as themselves, null as <c>null</c>.
    /// </summary>
    public static string Key(object? value) => value switch
    {
        null => "null",
        long whole => whole.ToString(CultureInfo.InvariantCulture),
        double number when number == Math.Floor(number) && Math.Abs(number) < 9.007199254740992E15 => ((long)number).ToString(CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>Parses what a user typed for a field (e.g. in <c>latent=2,10,20</c>) into the text <see cref="Key"/> gives the same value.</summary>
    public static string KeyOfTyped(string text)
    {
        string trimmed = text.Trim();
        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out double number))
        {
            return Key(number);
        }

        return bool.TryParse(trimmed, out bool flag) ? Key(flag) : trimmed.Trim('"', '\'');
    }

    /// <summary>The value as a number, or null when it is not one.</summary>
    public static double? Number(object? value) => value switch
    {
        long whole => whole,
        double number => number,
        _ => null,
    };

    private static void Add(JsonElement obj, string prefix, List<KeyValuePair<string, object?>> fields)
    {
        foreach (var property in obj.EnumerateObject())
        {
            string name = prefix.Length == 0 ? property.Name : prefix + "." + property.Name;
            if (property.Value.ValueKind == JsonValueKind.Object)
            {
                Add(property.Value, name, fields);
            }
            else
            {
                fields.Add(new(name, Leaf(property.Value)));
            }
        }
    }

    private static object? Leaf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt64(out long whole) => whole,
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };
}
