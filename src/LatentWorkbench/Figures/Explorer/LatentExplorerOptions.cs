namespace LatentWorkbench.Figures.Explorer;

/// <summary>The settings of a <see cref="LatentExplorer"/>; the single source of its defaults.</summary>
public sealed record LatentExplorerOptions
{
    /// <summary>Nearest neighbours in latent space (Euclidean on the codes) shown for a hovered point.</summary>
    public int Neighbours { get; init; } = 8;

    /// <summary>Side of the square plot, CSS pixels.</summary>
    public int PlotSize { get; init; } = 440;

    /// <summary>
    /// Each slider's range: ± this many standard deviations of the codes along its direction (the spread of the data
    /// there), so a slider's end is as far off the plane as the data ever goes, and a little further.
    /// </summary>
    public double SliderSpread { get; init; } = 3;

    /// <summary>Digits shown at most: a larger set is cut to its first ones (the page carries one thumbnail and one code per digit).</summary>
    public int MaxDigits { get; init; } = 10_000;

    /// <summary>Throws when a setting is out of range, naming it.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Neighbours, nameof(Neighbours));
        ArgumentOutOfRangeException.ThrowIfLessThan(PlotSize, 100, nameof(PlotSize));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(SliderSpread, nameof(SliderSpread));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxDigits, nameof(MaxDigits));
    }
}
