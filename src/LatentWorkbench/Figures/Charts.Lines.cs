using LatentWorkbench.Compute;
using Plotly.NET;
using TorchSharp;
using PlotlyTrace = Plotly.NET.Trace;

namespace LatentWorkbench.Figures;

public static partial class Charts
{
    /// <summary>A line (e.g. a training curve); add more series with <see cref="AddLine"/>.</summary>
    /// <param name="y">The values.</param>
    /// <param name="name">The series name (legend entry once there are two or more series).</param>
    /// <param name="x">The x values (default 0, 1, 2, ...), as many as <paramref name="y"/>.</param>
    /// <param name="title">The figure title.</param>
    /// <param name="xTitle">The x-axis title.</param>
    /// <param name="yTitle">The y-axis title.</param>
    /// <param name="logY">A logarithmic y axis.</param>
    public static GenericChart Line(IReadOnlyList<double> y, string? name = null, IReadOnlyList<double>? x = null,
        string? title = null, string? xTitle = null, string? yTitle = null, bool logY = false) =>
        Charted([LineTrace(y, name, x, 0)], title, (620, 440), ChartParts.Axis(xTitle), ChartParts.Axis(yTitle, logY));

    /// <summary>Adds a line series to <paramref name="chart"/> (its next palette colour).</summary>
    /// <param name="chart">The chart to extend (not changed; a new chart is returned).</param>
    /// <param name="y">The values.</param>
    /// <param name="name">The series name.</param>
    /// <param name="x">The x values (default 0, 1, 2, ...).</param>
    public static GenericChart AddLine(this GenericChart chart, IReadOnlyList<double> y, string? name = null, IReadOnlyList<double>? x = null)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return GenericChart.combine([chart, GenericChart.ofTraceObject(false, LineTrace(y, name, x, GenericChart.countTrace(chart)))]);
    }

    /// <summary>Bars, one per category; <see cref="AddBars"/> adds a series drawn beside it (grouped).</summary>
    /// <param name="categories">The category labels.</param>
    /// <param name="values">One value per category.</param>
    /// <param name="title">The figure title.</param>
    /// <param name="xTitle">The x-axis title.</param>
    /// <param name="yTitle">The y-axis title.</param>
    /// <param name="name">The series name.</param>
    public static GenericChart Bar(IReadOnlyList<string> categories, IReadOnlyList<double> values, string? title = null,
        string? xTitle = null, string? yTitle = null, string? name = null) =>
        Charted([BarTrace(categories, values, name, 0)], title, (620, 440), ChartParts.Axis(xTitle, grid: false), ChartParts.Axis(yTitle));

    /// <summary>Adds a bar series to <paramref name="chart"/>, grouped beside the existing bars.</summary>
    /// <param name="chart">The chart to extend (not changed; a new chart is returned).</param>
    /// <param name="categories">The category labels.</param>
    /// <param name="values">One value per category.</param>
    /// <param name="name">The series name.</param>
    public static GenericChart AddBars(this GenericChart chart, IReadOnlyList<string> categories, IReadOnlyList<double> values, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return GenericChart.combine([chart, GenericChart.ofTraceObject(false, BarTrace(categories, values, name, GenericChart.countTrace(chart)))]);
    }

    /// <summary>A histogram of <paramref name="values"/> in <paramref name="bins"/> equal bins from the smallest to the largest finite value.</summary>
    /// <param name="values">The values, one per example: [N] on any device (NaN and infinities are left out).</param>
    /// <param name="bins">The number of bins.</param>
    /// <param name="title">The figure title.</param>
    /// <param name="xTitle">The x-axis title.</param>
    /// <param name="yTitle">The y-axis title.</param>
    /// <param name="logY">A logarithmic count axis.</param>
    /// <remarks>The bins are given to plotly.js explicitly (<c>xbins</c> start, end, size) so the interactive and static renderings agree.</remarks>
    /// <exception cref="ArgumentException"><paramref name="values"/> is not one value per example ([N] or [N, 1]).</exception>
    public static GenericChart Histogram(torch.Tensor values, int bins = 30, string? title = null, string? xTitle = null,
        string? yTitle = "count", bool logY = false)
    {
        using var host = TensorArguments.Values(values, nameof(values));
        var floats = TensorSpans.Floats(host);
        var asDouble = new double[floats.Length];
        for (int i = 0; i < floats.Length; i++)
        {
            asDouble[i] = floats[i];
        }

        return Histogram((IReadOnlyList<double>)asDouble, bins, title, xTitle, yTitle, logY);
    }

    /// <inheritdoc cref="Histogram(torch.Tensor, int, string?, string?, string?, bool)"/>
    public static GenericChart Histogram(IReadOnlyList<double> values, int bins = 30, string? title = null, string? xTitle = null,
        string? yTitle = "count", bool logY = false)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        double[] finite = [.. values.Where(double.IsFinite)];
        var (start, end) = HistogramTrace.BinRange(finite);
        var trace = ChartParts.Trace("histogram",
            ("showlegend", false),
            ("x", finite),
            ("autobinx", false),
            ("xbins", ChartParts.Obj(("start", start), ("end", end), ("size", (end - start) / bins))),
            ("marker", ChartParts.Obj(("color", ChartParts.Color(0)), ("line", ChartParts.Obj(("color", "#ffffff"), ("width", 0.5))))));
        return Charted([trace], title, (620, 440), ChartParts.Axis(xTitle), ChartParts.Axis(yTitle, logY));
    }

    private static PlotlyTrace LineTrace(IReadOnlyList<double> y, string? name, IReadOnlyList<double>? x, int index)
    {
        ArgumentNullException.ThrowIfNull(y);
        if (x is not null && x.Count != y.Count)
        {
            throw new ArgumentException($"x has {x.Count} values but y has {y.Count}; they must be the same length.", nameof(x));
        }

        return ChartParts.Trace("scatter",
            ("name", name),
            ("showlegend", name is null ? false : null),
            ("mode", "lines"),
            ("x", x?.ToArray() ?? [.. Enumerable.Range(0, y.Count).Select(i => (double)i)]),
            ("y", y.ToArray()),
            ("line", ChartParts.Obj(("color", ChartParts.Color(index)), ("width", 2))));
    }

    private static PlotlyTrace BarTrace(IReadOnlyList<string> categories, IReadOnlyList<double> values, string? name, int index)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(values);
        if (categories.Count != values.Count)
        {
            throw new ArgumentException($"values has {values.Count} entries but categories has {categories.Count}.", nameof(values));
        }

        return ChartParts.Trace("bar",
            ("name", name),
            ("showlegend", name is null ? false : null),
            ("x", categories.ToArray()),
            ("y", values.ToArray()),
            ("marker", ChartParts.Obj(("color", ChartParts.Color(index)))));
    }
}
