namespace LatentWorkbench.Figures;

/// <summary>The data extent of a panel's axes, in axis units (exponents on log axes), padded for drawing.</summary>
internal static class DataRange
{
    public static (double Min, double Max) X(Panel panel)
    {
        var values = new Extent(panel.X.Log);
        bool pad = false;
        foreach (var trace in panel.Traces)
        {
            switch (trace)
            {
                case ScatterTrace s:
                    values.AddAll(s.X);
                    pad = true;
                    break;
                case LineTrace l:
                    values.AddAll(l.X);
                    break;
                case HistogramTrace h:
                    values.AddAll(h.Edges);
                    break;
            }
        }

        return values.Finish(panel.X, pad ? 0.04 : 0, includeZero: false);
    }

    public static (double Min, double Max) Y(Panel panel)
    {
        var values = new Extent(panel.Y.Log);
        bool zero = false;
        foreach (var trace in panel.Traces)
        {
            switch (trace)
            {
                case ScatterTrace s:
                    values.AddAll(s.Y);
                    break;
                case LineTrace l:
                    values.AddAll(l.Y);
                    break;
                case HistogramTrace h:
                    values.AddAll(h.Counts);
                    zero = true;
                    break;
                case BarTrace b:
                    values.AddAll(b.Values);
                    zero = true;
                    break;
            }
        }

        return values.Finish(panel.Y, 0.05, zero && !panel.Y.Log);
    }

    /// <summary>The range of a scatter trace's colour values (0, 1 when none is finite).</summary>
    public static (double Min, double Max) Of(float[] values)
    {
        var extent = new Extent(log: false);
        extent.AddAll(values);
        return extent.Empty ? (0, 1) : (extent.Min, extent.Max == extent.Min ? extent.Min + 1 : extent.Max);
    }

    private sealed class Extent(bool log)
    {
        public double Min { get; private set; } = double.PositiveInfinity;

        public double Max { get; private set; } = double.NegativeInfinity;

        public bool Empty => Min > Max;

        public void AddAll(IEnumerable<double> values)
        {
            foreach (double v in values)
            {
                Add(v);
            }
        }

        public void AddAll(float[] values)
        {
            foreach (float v in values)
            {
                Add(v);
            }
        }

        public (double Min, double Max) Finish(Axis axis, double padFraction, bool includeZero)
        {
            double min = Empty ? (log ? 0 : 0) : Min, max = Empty ? (log ? 1 : 1) : Max;
            if (includeZero)
            {
                min = Math.Min(min, 0);
                max = Math.Max(max, 0);
            }

            if (max <= min)
            {
                double half = log ? 0.5 : (min == 0 ? 1 : Math.Abs(min) * 0.1);
                (min, max) = (min - half, max + half);
            }

            double pad = (max - min) * padFraction;
            min = includeZero && min == 0 ? 0 : min - pad;
            max = includeZero && max == 0 ? 0 : max + pad;
            if (axis.Min is { } fixedMin)
            {
                min = log ? Math.Log10(fixedMin) : fixedMin;
            }

            if (axis.Max is { } fixedMax)
            {
                max = log ? Math.Log10(fixedMax) : fixedMax;
            }

            return (min, max);
        }

        private void Add(double v)
        {
            if (log)
            {
                v = v > 0 ? Math.Log10(v) : double.NaN;
            }

            if (double.IsFinite(v))
            {
                Min = Math.Min(Min, v);
                Max = Math.Max(Max, v);
            }
        }
    }
}
