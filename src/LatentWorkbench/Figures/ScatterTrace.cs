namespace LatentWorkbench.Figures;

/// <summary>Points (x, y), in one colour or coloured by a continuous value with a colour bar.</summary>
internal sealed class ScatterTrace : Trace
{
    /// <summary>Creates a trace over <paramref name="x"/> and <paramref name="y"/> (same length).</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public ScatterTrace(float[] x, float[] y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"y has {y.Length} values but x has {x.Length}; they must be the same length.", nameof(y));
        }

        X = x;
        Y = y;
    }

    /// <summary>Horizontal coordinates.</summary>
    public float[] X { get; }

    /// <summary>Vertical coordinates.</summary>
    public float[] Y { get; }

    /// <summary>One value per point mapped through <see cref="ColorScale"/> (null: one colour).</summary>
    public float[]? ColorValues { get; set; }

    /// <summary>The colour map for <see cref="ColorValues"/>.</summary>
    public ColorScale ColorScale { get; set; } = ColorScale.Viridis;

    /// <summary>The colour bar's title.</summary>
    public string? ColorTitle { get; set; }

    /// <summary>Text shown when hovering each point in the interactive rendering (null: coordinates only).</summary>
    public IReadOnlyList<string>? HoverText { get; set; }

    /// <summary>Marker diameter in pixels (null: chosen from the number of points).</summary>
    public double? MarkerSize { get; set; }

    /// <summary>Draw with WebGL in the interactive rendering (null: when there are more than 20,000 points).</summary>
    /// <remarks>WebGL keeps pan and zoom fluid for tens of thousands of points; SVG markers are
    /// inspectable in the DOM and need no GPU.</remarks>
    public bool? WebGl { get; set; }

    /// <summary>The marker diameter actually used.</summary>
    internal double EffectiveMarkerSize(int pointsInPanel) =>
        MarkerSize ?? (pointsInPanel > 20_000 ? 3 : pointsInPanel > 2_000 ? 4 : 6);

    internal bool UsesWebGl => WebGl ?? X.Length > 20_000;
}
