using System.Globalization;

namespace LatentWorkbench.Tables;

/// <summary>How a table cell is written for people (HTML, SVG, plain text, Markdown) and for programs (CSV).</summary>
/// <remarks>
/// Always the invariant culture, so the same table gives the same bytes on every machine. For people,
/// floating-point values get <see cref="DefaultDigits"/> significant digits (.NET's <c>G</c> format, exponent
/// written <c>1e-05</c>); integers are written in full. For CSV, floating-point values are written in their
/// shortest round-trip form, so reading the file back gives exactly the stored numbers.
/// </remarks>
internal static class CellText
{
    /// <summary>Significant digits of floating-point cells unless the caller asks for others.</summary>
    public const int DefaultDigits = 4;

    /// <summary>The cell as people read it; missing values (null, NaN in a nullable column) are empty.</summary>
    public static string ForDisplay(object? value, int digits) => value switch
    {
        null => string.Empty,
        double d => Significant(d, digits),
        float f => Significant(f, digits),
        decimal m => Significant((double)m, digits),
        bool b => b ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>The cell as a program reads it back: numbers round-trip exactly.</summary>
    public static string ForData(object? value) => value switch
    {
        null => string.Empty,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>Whether a column of this element type holds numbers (right-aligned when shown).</summary>
    public static bool IsNumeric(Type type) =>
        Type.GetTypeCode(Nullable.GetUnderlyingType(type) ?? type) is TypeCode.Byte or TypeCode.SByte or TypeCode.Int16
            or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Int64 or TypeCode.UInt64
            or TypeCode.Single or TypeCode.Double or TypeCode.Decimal;

    private static string Significant(double value, int digits)
    {
        if (!double.IsFinite(value))
        {
            return double.IsNaN(value) ? "NaN" : value > 0 ? "inf" : "-inf";
        }

        string text = value.ToString("G" + Math.Clamp(digits, 1, 17).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return text.Contains('E', StringComparison.Ordinal) ? text.ToLowerInvariant() : text;
    }
}
