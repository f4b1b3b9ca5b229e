using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LatentWorkbench.Runs;

/// <summary>
/// One JSON text per value: the form a config is stored and hashed in, so that the same config always gives
/// the same bytes whatever the property order, number spelling or culture.
/// </summary>
/// <remarks>
/// Rules: no whitespace; object keys sorted by ordinal (UTF-16) order, duplicates rejected; arrays keep their
/// order; a number is written by value: an integral value with |x| ≤ 2⁵³ as a plain integer (<c>1.0</c>,
/// <c>1e0</c> and <c>1</c> all become <c>1</c>; <c>-0</c> becomes <c>0</c>), an integer literal beyond 2⁵³
/// exactly as its digits (a 64-bit seed stays exact), any other number as the shortest text that round-trips
/// the double (<c>0.001</c>, <c>1E-05</c>), invariant culture; strings escape only what JSON requires.
/// Objects serialize with <see cref="SerializerOptions"/>: snake_case property names, enums by name, null
/// properties left out (so adding a nullable option whose default is null keeps every existing hash).
/// </remarks>
public static class CanonicalJson
{
    /// <summary>2⁵³: every integer up to this magnitude is exactly a double.</summary>
    private const double ExactIntegerLimit = 9007199254740992d;

    private static readonly JsonWriterOptions s_writerOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>How configs become JSON before canonicalization (see the remarks on <see cref="CanonicalJson"/>).</summary>
    public static JsonSerializerOptions SerializerOptions { get; } = CreateSerializerOptions();

    /// <summary>The canonical JSON of <paramref name="value"/>, serialized with <see cref="SerializerOptions"/>.</summary>
    public static string Serialize<T>(T value) => Normalize(JsonSerializer.Serialize(value, SerializerOptions));

    /// <summary>Rewrites any JSON text into canonical form.</summary>
    /// <exception cref="ArgumentException"><paramref name="json"/> is not JSON, or an object repeats a key.</exception>
    public static string Normalize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"Not valid JSON: {e.Message}", nameof(json), e);
        }

        using (document)
        {
            return Normalize(document.RootElement);
        }
    }

    /// <summary>Writes <paramref name="element"/> in canonical form.</summary>
    public static string Normalize(JsonElement element)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, s_writerOptions))
        {
            Write(writer, element);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                var properties = element.EnumerateObject().ToList();
                properties.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
                for (int i = 0; i < properties.Count; i++)
                {
                    if (i > 0 && properties[i].Name == properties[i - 1].Name)
                    {
                        throw new ArgumentException($"JSON object repeats the key \"{properties[i].Name}\"; a config must name each property once.", "json");
                    }

                    writer.WritePropertyName(properties[i].Name);
                    Write(writer, properties[i].Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.Number:
                writer.WriteRawValue(CanonicalNumber(element.GetRawText()), skipInputValidation: true);
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(element.GetString());
                break;
            case JsonValueKind.True:
            case JsonValueKind.False:
                writer.WriteBooleanValue(element.GetBoolean());
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    /// <summary>The canonical spelling of one JSON number literal (rules in the type's remarks).</summary>
    internal static string CanonicalNumber(string literal)
    {
        bool isIntegerLiteral = !literal.AsSpan().ContainsAny('.', 'e', 'E');
        if (isIntegerLiteral)
        {
            var integer = BigInteger.Parse(literal, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            return integer.ToString(CultureInfo.InvariantCulture);
        }

        double value = double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsInfinity(value))
        {
            // A literal like 1e400 overflows; keep it exact rather than invent a value JSON cannot carry.
            return literal;
        }

        if (Math.Abs(value) <= ExactIntegerLimit && value == Math.Floor(value))
        {
            return ((long)value).ToString(CultureInfo.InvariantCulture);
        }

        return value.ToString("R", CultureInfo.InvariantCulture);
    }

    private static JsonSerializerOptions CreateSerializerOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
