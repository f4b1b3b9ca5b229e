namespace LatentWorkbench.Figures;

/// <summary>A continuous colour map from [0, 1] to colours, given by evenly spaced stops.</summary>
/// <remarks>
/// Viridis and Cividis (Nuñez, Anderton &amp; Renslow 2018) are perceptually uniform and readable
/// by colour-blind readers; the stops here are samples of the published maps at t = 0, 1/8, …, 1 and
/// both renderings (SVG and Plotly) interpolate the same stops linearly in sRGB.
/// </remarks>
public sealed class ColorScale
{
    private ColorScale(string name, IReadOnlyList<Rgb> stops)
    {
        Name = name;
        Stops = stops;
    }

    /// <summary>Viridis (the default).</summary>
    public static ColorScale Viridis { get; } = new("Viridis",
        [.. new[] { "#440154", "#46327e", "#365c8d", "#277f8e", "#1fa187", "#4ac16d", "#a0da39", "#d8e219", "#fde725" }.Select(Rgb.Parse)]);

    /// <summary>Cividis: blue to yellow, optimised for deuteranopia and protanopia.</summary>
    public static ColorScale Cividis { get; } = new("Cividis",
        [.. new[] { "#00224e", "#123570", "#3b496c", "#575d6d", "#707173", "#8a8779", "#a69d75", "#c4b56c", "#fee838" }.Select(Rgb.Parse)]);

    /// <summary>White to dark blue, for counts such as confusion matrices.</summary>
    public static ColorScale Blues { get; } = new("Blues",
        [.. new[] { "#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b" }.Select(Rgb.Parse)]);

    /// <summary>The scale's name.</summary>
    public string Name { get; }

    /// <summary>A scale through (position, colour) stops at positions in [0, 1] (a Plotly colour-scale list), resampled to nine even stops.</summary>
    internal static ColorScale FromStops(IReadOnlyList<(double At, Rgb Color)> stops)
    {
        var sorted = stops.OrderBy(s => s.At).ToList();
        var even = new Rgb[9];
        for (int i = 0; i < even.Length; i++)
        {
            double t = i / 8.0;
            int k = sorted.FindLastIndex(s => s.At <= t);
            even[i] = k < 0 ? sorted[0].Color
                : k == sorted.Count - 1 || sorted[k + 1].At <= sorted[k].At ? sorted[k].Color
                : Rgb.Lerp(sorted[k].Color, sorted[k + 1].Color, (t - sorted[k].At) / (sorted[k + 1].At - sorted[k].At));
        }

        return new ColorScale("custom", even);
    }

    /// <summary>Evenly spaced stops from t = 0 to t = 1.</summary>
    public IReadOnlyList<Rgb> Stops { get; }

    /// <summary>The colour at <paramref name="t"/>, clamped to [0, 1]; NaN maps to the first stop.</summary>
    public Rgb Map(double t)
    {
        if (!(t > 0))
        {
            return Stops[0];
        }

        if (t >= 1)
        {
            return Stops[^1];
        }

        double position = t * (Stops.Count - 1);
        int i = (int)position;
        return Rgb.Lerp(Stops[i], Stops[i + 1], position - i);
    }
}
