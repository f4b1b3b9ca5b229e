namespace LatentWorkbench.Figures;

/// <summary>One axis of a panel: title, scale and optional fixed range.</summary>
internal sealed class Axis
{
    /// <summary>The axis title (null: none).</summary>
    public string? Title { get; set; }

    /// <summary>Logarithmic (base 10) scale; values ≤ 0 are left out of the drawing.</summary>
    public bool Log { get; set; }

    /// <summary>Fixed lower end in data units (null: from the data).</summary>
    public double? Min { get; set; }

    /// <summary>Fixed upper end in data units (null: from the data).</summary>
    public double? Max { get; set; }
}
