using LatentWorkbench.Figures;
using Plotly.NET;

namespace LatentWorkbench.Experiments.Autoencoders;

/// <summary>
/// Notebook 02's line charts, drawn from however many series its parameters produce (one per model, or one per code
/// size k), so the notebook draws each with one call instead of a loop of <c>AddLine</c>s.
/// </summary>
public static class AutoencoderFigures
{
    /// <summary>Test squared error per image against the code size k, one line per model, on a logarithmic y axis.</summary>
    /// <param name="ks">The code sizes, the x values of every series.</param>
    /// <param name="series">A name and one error per k for each model.</param>
    /// <param name="title">The figure title.</param>
    public static GenericChart ErrorAgainstCodeSize(IReadOnlyList<int> ks, IReadOnlyList<(string Name, IReadOnlyList<double> Errors)> series, string title)
    {
        ArgumentNullException.ThrowIfNull(ks);
        ArgumentNullException.ThrowIfNull(series);
        var x = ks.Select(k => (double)k).ToList();
        return Lines(series.Select(s => (s.Name, (IReadOnlyList<double>)x, s.Errors)).ToList(), title, "code size k", "squared error per image", logY: true);
    }

    /// <summary>Principal angles (degrees, smallest first) between two subspaces, one line per pair; the x value is the angle's number.</summary>
    /// <param name="series">A name and its angles for each pair (e.g. one per code size k: k angles each).</param>
    /// <param name="title">The figure title.</param>
    public static GenericChart PrincipalAngles(IReadOnlyList<(string Name, IReadOnlyList<double> Degrees)> series, string title)
    {
        ArgumentNullException.ThrowIfNull(series);
        return Lines(
            series.Select(s => (s.Name, (IReadOnlyList<double>)Enumerable.Range(1, s.Degrees.Count).Select(j => (double)j).ToList(), s.Degrees)).ToList(),
            title, "angle number (smallest first)", "degrees", logY: false);
    }

    /// <summary>Squared error per image against the clean digits at each noise level, one line per model.</summary>
    /// <param name="levels">The noise levels, the x values of every series.</param>
    /// <param name="series">A name and one error per level for each model.</param>
    /// <param name="title">The figure title.</param>
    /// <param name="levelTitle">What a level is (the x-axis title).</param>
    public static GenericChart ErrorAgainstNoise(IReadOnlyList<double> levels, IReadOnlyList<(string Name, IReadOnlyList<double> Errors)> series, string title, string levelTitle)
    {
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentNullException.ThrowIfNull(series);
        return Lines(series.Select(s => (s.Name, levels, s.Errors)).ToList(), title, levelTitle, "squared error per image", logY: false);
    }

    private static GenericChart Lines(IReadOnlyList<(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y)> series, string title, string xTitle, string yTitle, bool logY)
    {
        if (series.Count == 0)
        {
            throw new ArgumentException("A chart needs at least one series.", nameof(series));
        }

        var chart = Charts.Line(series[0].Y, series[0].Name, series[0].X, title, xTitle, yTitle, logY);
        return series.Skip(1).Aggregate(chart, (combined, s) => combined.AddLine(s.Y, s.Name, s.X));
    }
}
