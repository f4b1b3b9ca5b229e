namespace LatentWorkbench.Figures;

/// <summary>Maps data values of one axis to pixels and lists its ticks.</summary>
/// <remarks>Log axes work in exponents: <see cref="Min"/> and <see cref="Max"/> are log10 of the range ends.
/// Category axes put category i at i, over [−0.5, n − 0.5].</remarks>
internal sealed class Scale
{
    public Scale(double min, double max, double pixelAtMin, double pixelAtMax, bool log, string[]? categories)
    {
        Min = min;
        Max = max;
        PixelAtMin = pixelAtMin;
        PixelAtMax = pixelAtMax;
        Log = log;
        Categories = categories;
    }

    public double Min { get; }

    public double Max { get; }

    public double PixelAtMin { get; }

    public double PixelAtMax { get; }

    public bool Log { get; }

    public string[]? Categories { get; }

    public List<(double Value, string Label)> Ticks { get; } = [];

    /// <summary>Pixels per category (category axes) or per unit.</summary>
    public double BandWidth => Math.Abs(PixelAtMax - PixelAtMin) / (Max - Min);

    /// <summary>The pixel of data value <paramref name="value"/> (NaN for non-positive values on a log axis).</summary>
    public double Map(double value)
    {
        double t = Log ? (value > 0 ? Math.Log10(value) : double.NaN) : value;
        return MapTransformed(t);
    }

    /// <summary>The pixel of a value already in axis units (an exponent on log axes).</summary>
    public double MapTransformed(double t) => PixelAtMin + ((t - Min) / (Max - Min) * (PixelAtMax - PixelAtMin));

    /// <summary>Fills <see cref="Ticks"/> with about <paramref name="count"/> nice ticks (in axis units).</summary>
    public Scale WithTicks(int count)
    {
        if (Categories is not null)
        {
            int stride = Math.Max(1, (int)Math.Ceiling(Categories.Length / (double)Math.Max(1, count)));
            for (int i = 0; i < Categories.Length; i += stride)
            {
                Ticks.Add((i, Categories[i]));
            }
        }
        else if (Log)
        {
            Ticks.AddRange(Figures.Ticks.LogDecades(Min, Max).Select(e => (e, Figures.Ticks.LogLabel(e))));
        }
        else
        {
            var (_, _, step, values) = Figures.Ticks.Linear(Min, Max, count, widen: false);
            Ticks.AddRange(values.Select(v => (v, Format.Tick(v, step))));
        }

        return this;
    }
}
