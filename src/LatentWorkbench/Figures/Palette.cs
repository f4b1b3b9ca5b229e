namespace LatentWorkbench.Figures;

/// <summary>Colours for categories (digit classes, series).</summary>
/// <remarks>
/// The default is Okabe &amp; Ito's eight colours (2008, "Color Universal Design"), chosen to stay
/// distinguishable under the common forms of colour-vision deficiency, extended to ten with
/// Paul Tol's wine and a mid grey so the ten MNIST digits each get their own colour. Yellow comes late
/// because it is the weakest on white. Beyond ten the colours repeat.
/// </remarks>
public static class Palette
{
    /// <summary>The ten default category colours, in order.</summary>
    public static IReadOnlyList<Rgb> Default { get; } =
    [
        Rgb.Parse("#0072b2"), // blue
        Rgb.Parse("#e69f00"), // orange
        Rgb.Parse("#009e73"), // bluish green
        Rgb.Parse("#d55e00"), // vermillion
        Rgb.Parse("#56b4e9"), // sky blue
        Rgb.Parse("#cc79a7"), // reddish purple
        Rgb.Parse("#000000"), // black
        Rgb.Parse("#882255"), // wine (Tol)
        Rgb.Parse("#f0e442"), // yellow
        Rgb.Parse("#999999"), // grey
    ];

    /// <summary>The colour of category <paramref name="index"/> (wraps after ten).</summary>
    public static Rgb ColorFor(int index) => Default[((index % Default.Count) + Default.Count) % Default.Count];
}
