namespace LatentWorkbench.Figures;

/// <summary>"Nice" axis ticks: steps of 1, 2 or 5 × 10^k on linear axes, powers of ten on log axes.</summary>
/// <remarks>Heckbert, "Nice numbers for graph labels", Graphics Gems (1990): the step is the nice number
/// nearest to range / (count − 1), and the axis is widened to whole steps.</remarks>
internal static class Ticks
{
    /// <summary>A nice step for spanning <paramref name="range"/> in about <paramref name="count"/> intervals.</summary>
    public static double NiceStep(double range, int count)
    {
        double rough = range / Math.Max(1, count);
        double exponent = Math.Floor(Math.Log10(rough));
        double power = Math.Pow(10, exponent);
        double fraction = rough / power;
        double nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
        return nice * power;
    }

    /// <summary>Widens [min, max] to whole nice steps and returns the ticks inside.</summary>
    public static (double Min, double Max, double Step, double[] Values) Linear(double min, double max, int count, bool widen)
    {
        if (!(max > min))
        {
            double pad = min == 0 ? 1 : Math.Abs(min) * 0.1;
            (min, max) = (min - pad, max + pad);
        }

        double step = NiceStep(max - min, count);
        if (widen)
        {
            min = Math.Floor((min / step) + 1e-9) * step;
            max = Math.Ceiling((max / step) - 1e-9) * step;
        }

        var values = new List<double>();
        double first = Math.Ceiling((min / step) - 1e-9);
        for (double k = first; (k * step) <= max + (step * 1e-9); k++)
        {
            double v = k * step;
            values.Add(Math.Abs(v) < step * 1e-9 ? 0 : v);
        }

        return (min, max, step, [.. values]);
    }

    /// <summary>Decade ticks for a log10 axis spanning [log10 min, log10 max] (bounds given as exponents).</summary>
    public static double[] LogDecades(double logMin, double logMax)
    {
        int first = (int)Math.Ceiling(logMin - 1e-9), last = (int)Math.Floor(logMax + 1e-9);
        int stride = Math.Max(1, (last - first + 1) / 8);
        var values = new List<double>();
        for (int k = first; k <= last; k += stride)
        {
            values.Add(k);
        }

        if (values.Count < 3)
        {
            // Fewer than three decades: label the 1, 2 and 5 multiples inside the range instead.
            values.Clear();
            for (int k = first - 1; k <= last; k++)
            {
                foreach (double m in (ReadOnlySpan<double>)[1, 2, 5])
                {
                    double e = k + Math.Log10(m);
                    if (e >= logMin - 1e-9 && e <= logMax + 1e-9)
                    {
                        values.Add(e);
                    }
                }
            }
        }

        return [.. values];
    }

    /// <summary>The label of a log-axis tick given as an exponent.</summary>
    public static string LogLabel(double exponent)
    {
        double value = Math.Pow(10, exponent);
        return Format.Short(Math.Abs(exponent - Math.Round(exponent)) < 1e-9 ? Math.Pow(10, Math.Round(exponent)) : value);
    }
}
