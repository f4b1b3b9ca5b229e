namespace LatentWorkbench.Figures;

/// <summary>A histogram: counts of values in equal-width bins, computed once so every rendering shows the same bars.</summary>
public sealed class HistogramTrace : Trace
{
    /// <summary>Bins <paramref name="values"/> (NaN and infinities are ignored) into <paramref name="bins"/> equal bins over [min, max].</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bins"/> is below 1.</exception>
    public HistogramTrace(IEnumerable<double> values, int bins = 30)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        double[] finite = [.. values.Where(double.IsFinite)];
        double min = finite.Length == 0 ? 0 : finite.Min();
        double max = finite.Length == 0 ? 1 : finite.Max();
        if (max <= min)
        {
            (min, max) = (min - 0.5, max + 0.5);
        }

        Edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++)
        {
            Edges[i] = min + ((max - min) * i / bins);
        }

        Counts = new double[bins];
        double width = (max - min) / bins;
        foreach (double v in finite)
        {
            int bin = Math.Min(bins - 1, (int)((v - min) / width));
            Counts[bin]++;
        }

        Total = finite.Length;
    }

    /// <summary>Bin edges, length bins + 1; bin i is [Edges[i], Edges[i+1]) and the last bin includes its right edge.</summary>
    public double[] Edges { get; }

    /// <summary>Number of values in each bin.</summary>
    public double[] Counts { get; }

    /// <summary>Number of finite values counted.</summary>
    public int Total { get; }
}
