using System.Globalization;

namespace LatentWorkbench.Figures;

/// <summary>An opaque 8-bit sRGB colour.</summary>
/// <param name="R">Red, 0–255.</param>
/// <param name="G">Green, 0–255.</param>
/// <param name="B">Blue, 0–255.</param>
public readonly record struct Rgb(byte R, byte G, byte B)
{
    /// <summary>Parses <c>#rrggbb</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="hex"/> is not <c>#</c> followed by six hexadecimal digits.</exception>
    public static Rgb Parse(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        if (hex.Length != 7 || hex[0] != '#' || !int.TryParse(hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int value))
        {
            throw new ArgumentException($"Colour '{hex}' must be written #rrggbb.", nameof(hex));
        }

        return new Rgb((byte)(value >> 16), (byte)(value >> 8), (byte)value);
    }

    /// <summary>Linear interpolation between two colours in sRGB, <paramref name="t"/> in [0, 1].</summary>
    public static Rgb Lerp(Rgb a, Rgb b, double t) => new(
        (byte)Math.Round(a.R + ((b.R - a.R) * t)),
        (byte)Math.Round(a.G + ((b.G - a.G) * t)),
        (byte)Math.Round(a.B + ((b.B - a.B) * t)));

    /// <summary>Relative luminance (WCAG), used to choose black or white text on a coloured cell.</summary>
    /// <remarks>L = 0.2126 R + 0.7152 G + 0.0722 B over linearised sRGB channels.</remarks>
    public double Luminance => (0.2126 * Linear(R)) + (0.7152 * Linear(G)) + (0.0722 * Linear(B));

    /// <summary>Lower-case <c>#rrggbb</c>.</summary>
    public string ToHex() => string.Create(7, this, static (span, c) =>
    {
        span[0] = '#';
        c.R.TryFormat(span[1..], out _, "x2", CultureInfo.InvariantCulture);
        c.G.TryFormat(span[3..], out _, "x2", CultureInfo.InvariantCulture);
        c.B.TryFormat(span[5..], out _, "x2", CultureInfo.InvariantCulture);
    });

    /// <inheritdoc/>
    public override string ToString() => ToHex();

    private static double Linear(byte channel)
    {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }
}
