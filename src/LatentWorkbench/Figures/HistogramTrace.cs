namespace LatentWorkbench.Figures;

/// <summary>A histogram: counts of values in equal-width bins over [start, end].</summary>
internal sealed class HistogramTrace : Trace
{
    /// <summary>Bins the finite <paramref name="values"/> into <paramref name="bins"/> equal bins over [<paramref name="start"/>, <paramref name="end"/>].</summary>
    /// <remarks>Values outside the range are left out; a value equal to <paramref name="end"/> goes into the last bin.</remarks>
    public HistogramTrace(IEnumerable<double> values, double start, double end, int bins)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        if (!(end > start))
        {
            (start, end) = (start - 0.5, start + 0.5);
        }

        Edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++)
        {
            Edges[i] = start + ((end - start) * i / bins);
        }

        Counts = new double[bins];
        double width = (end - start) / bins;
        foreach (double v in values)
        {
            if (double.IsFinite(v) && v >= start && v <= end)
            {
                Counts[Math.Min(bins - 1, (int)((v - start) / width))]++;
                Total++;
            }
        }
    }

    /// <summary>Bin edges, length bins + 1; bin i is [Edges[i], Edges[i+1]) and the last bin includes its right edge.</summary>
    public double[] Edges { get; }

    /// <summary>Number of values in each bin.</summary>
    public double[] Counts { get; }

    /// <summary>Number of values counted.</summary>
    public int Total { get; }

    /// <summary>The default bin range of finite values: [min, max], widened by 0.5 each side when all values are equal (or [0, 1] when none).</summary>
    public static (double Start, double End) BinRange(IReadOnlyCollection<double> finite)
    {
        double min = finite.Count == 0 ? 0 : finite.Min();
        double max = finite.Count == 0 ? 1 : finite.Max();
        return max > min ? (min, max) : (min - 0.5, max + 0.5);
    }
}
