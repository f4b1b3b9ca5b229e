namespace LatentWorkbench.Figures;

/// <summary>A polyline through (x, y) points in order, e.g. a training curve that grows each epoch.</summary>
internal sealed class LineTrace : Trace
{
    private readonly List<double> _x = [];
    private readonly List<double> _y = [];

    /// <summary>Horizontal coordinates.</summary>
    public IReadOnlyList<double> X => _x;

    /// <summary>Vertical coordinates.</summary>
    public IReadOnlyList<double> Y => _y;

    /// <summary>Stroke width in pixels.</summary>
    public double Width { get; set; } = 2;

    /// <summary>Adds one point at the end (the next epoch's value).</summary>
    public LineTrace Append(double x, double y)
    {
        _x.Add(x);
        _y.Add(y);
        return this;
    }

    /// <summary>Adds points; <paramref name="x"/> null means 0, 1, 2, … continuing from the current count.</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public LineTrace AppendRange(IReadOnlyList<double> y, IReadOnlyList<double>? x = null)
    {
        ArgumentNullException.ThrowIfNull(y);
        if (x is not null && x.Count != y.Count)
        {
            throw new ArgumentException($"x has {x.Count} values but y has {y.Count}; they must be the same length.", nameof(x));
        }

        int start = _x.Count;
        for (int i = 0; i < y.Count; i++)
        {
            Append(x?[i] ?? start + i, y[i]);
        }

        return this;
    }
}
