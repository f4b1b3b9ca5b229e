using System.Globalization;

namespace LatentWorkbench.Experiments.Arithmetic;

/// <summary>
/// Two digit classes, written <c>3:5</c> (a parameter's text form): in a thickness analogy, "thick <see cref="First"/> is
/// to thin <see cref="First"/> as ? is to thin <see cref="Second"/>".
/// </summary>
/// <param name="First">A digit 0–9.</param>
/// <param name="Second">A digit 0–9.</param>
public sealed record DigitPair(int First, int Second)
{
    /// <summary>Parses <c>3:5</c> (spaces allowed around the digits).</summary>
    /// <param name="text">Two digits separated by a colon.</param>
    /// <param name="parameterName">The parameter the text came from, named in the error.</param>
    /// <exception cref="ArgumentException">Not two digits 0–9 separated by a colon; the message names <paramref name="parameterName"/>.</exception>
    public static DigitPair Parse(string text, string parameterName = "pair")
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] parts = text.Split(':');
        if (parts.Length == 2 && Digit(parts[0]) is { } first && Digit(parts[1]) is { } second)
        {
            return new DigitPair(first, second);
        }

        throw new ArgumentException($"{parameterName}: '{text}' is not a pair of digits; write two digits 0–9 separated by a colon, e.g. 3:5.", parameterName);
    }

    /// <summary>Parses every element of <paramref name="texts"/> (<see cref="Parse"/>).</summary>
    public static IReadOnlyList<DigitPair> ParseAll(IEnumerable<string> texts, string parameterName = "pairs")
    {
        ArgumentNullException.ThrowIfNull(texts);
        return [.. texts.Select(t => Parse(t, parameterName))];
    }

    /// <summary><c>3:5</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{First}:{Second}");

    private static int? Digit(string text) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int d) && d is >= 0 and <= 9 ? d : null;
}
