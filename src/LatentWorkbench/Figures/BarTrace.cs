namespace LatentWorkbench.Figures;

/// <summary>Bars: one value per category; several bar traces in a panel are drawn side by side.</summary>
internal sealed class BarTrace : Trace
{
    /// <summary>Creates bars for <paramref name="categories"/> with heights <paramref name="values"/>.</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public BarTrace(IReadOnlyList<string> categories, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(values);
        if (categories.Count != values.Count)
        {
            throw new ArgumentException($"values has {values.Count} entries but categories has {categories.Count}.", nameof(values));
        }

        Categories = [.. categories];
        Values = [.. values];
    }

    /// <summary>Category names along the horizontal axis.</summary>
    public string[] Categories { get; }

    /// <summary>Bar heights.</summary>
    public double[] Values { get; }
}
