using System.Globalization;
using System.Text;

namespace LatentWorkbench.Figures;

/// <summary>Culture-invariant, fixed number formatting so the same figure always gives the same bytes.</summary>
internal static class Format
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Integer(int value) => value.ToString(Invariant);

    /// <summary>A short label for a value: up to 4 significant digits, exponent form outside [1e-3, 1e5).</summary>
    public static string Short(double value)
    {
        if (value == 0 || !double.IsFinite(value))
        {
            return value == 0 ? "0" : value.ToString(Invariant);
        }

        double magnitude = Math.Abs(value);
        return magnitude >= 1e5 || magnitude < 1e-3
            ? value.ToString("0.###e+0", Invariant)
            : Clean(value.ToString("G4", Invariant));
    }

    /// <summary>A tick label with as many decimals as the tick step needs.</summary>
    public static string Tick(double value, double step)
    {
        double magnitude = Math.Max(Math.Abs(value), step);
        if (magnitude >= 1e5 || step < 1e-4)
        {
            return Short(value);
        }

        int decimals = Math.Max(0, (int)Math.Ceiling(-Math.Log10(step) - 1e-9));
        string text = value.ToString("F" + Integer(decimals), Invariant);
        return text.StartsWith("-", StringComparison.Ordinal) && double.Parse(text, Invariant) == 0 ? text[1..] : text;
    }

    /// <summary>A value to <paramref name="digits"/> significant digits, without trailing zeros' exponent noise.</summary>
    public static string Significant(double value, int digits) =>
        double.IsFinite(value) ? Clean(value.ToString("G" + Integer(Math.Clamp(digits, 1, 17)), Invariant)) : value.ToString(Invariant);

    /// <summary>Appends a pixel coordinate rounded to 0.1 (never "-0").</summary>
    public static void AppendPixel(StringBuilder sb, double value)
    {
        double rounded = Math.Round(value * 10) / 10;
        if (rounded == 0)
        {
            rounded = 0;
        }

        sb.Append(Invariant, $"{rounded:0.#}");
    }

    /// <summary>A pixel coordinate rounded to 0.1.</summary>
    public static string Pixel(double value)
    {
        var sb = new StringBuilder(8);
        AppendPixel(sb, value);
        return sb.ToString();
    }

    /// <summary>A fraction in [0, 1] with 4 decimals (for Plotly domains and colour stops).</summary>
    public static double Fraction(double value) => Math.Round(value, 4);

    private static string Clean(string text) => text.Contains('E', StringComparison.Ordinal) ? text.ToLowerInvariant() : text;
}
