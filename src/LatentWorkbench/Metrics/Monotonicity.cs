namespace LatentWorkbench.Metrics;

/// <summary>Whether a measured quantity rises steadily along a path: Spearman's rank correlation and the share of rising steps.</summary>
public static class Monotonicity
{
    /// <summary>
    /// Spearman's ρ between <paramref name="x"/> and <paramref name="y"/>: the Pearson correlation of their ranks (ties get
    /// their mean rank). +1 when y rises with x in every step, −1 when it always falls; NaN when either is constant.
    /// </summary>
    public static double Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count || x.Count < 2)
        {
            throw new ArgumentException($"x and y must have the same length, at least 2; got {x.Count} and {y.Count}.", nameof(y));
        }

        double[] rx = Ranks(x), ry = Ranks(y);
        double mx = rx.Average(), my = ry.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < rx.Length; i++)
        {
            sxy += (rx[i] - mx) * (ry[i] - my);
            sxx += (rx[i] - mx) * (rx[i] - mx);
            syy += (ry[i] - my) * (ry[i] - my);
        }

        return sxx > 0 && syy > 0 ? sxy / Math.Sqrt(sxx * syy) : double.NaN;
    }

    /// <summary>Spearman's ρ of <paramref name="values"/> against their position 0, 1, 2, …</summary>
    public static double SpearmanAlongPath(IReadOnlyList<double> values) =>
        Spearman([.. Enumerable.Range(0, values.Count).Select(i => (double)i)], values);

    /// <summary>The fraction of consecutive steps in which <paramref name="values"/> strictly rises, in [0, 1].</summary>
    public static double FractionRisingSteps(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count < 2)
        {
            throw new ArgumentException($"A path needs at least two values to have a step; got {values.Count}.", nameof(values));
        }

        int rising = 0;
        for (int i = 1; i < values.Count; i++)
        {
            rising += values[i] > values[i - 1] ? 1 : 0;
        }

        return rising / (double)(values.Count - 1);
    }

    private static double[] Ranks(IReadOnlyList<double> values)
    {
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        for (int start = 0; start < order.Length;)
        {
            int end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]])
            {
                end++;
            }

            double mean = (start + end) / 2.0;
            for (int j = start; j <= end; j++)
            {
                ranks[order[j]] = mean;
            }

            start = end + 1;
        }

        return ranks;
    }
}
