using LatentWorkbench.Figures;
using LatentWorkbench.Metrics.Collapse;
using LatentWorkbench.Reporting;
using Plotly.NET;

namespace LatentWorkbench.Experiments.Collapse;

/// <summary>The figures and tables of the posterior-collapse study (notebook 06), one call each.</summary>
public static class CollapseFigures
{
    /// <summary>One line per setting of a per-epoch measure (<see cref="CollapseMonitor.Kl"/>, <see cref="CollapseMonitor.ActiveUnits"/>, <see cref="CollapseMonitor.MutualInformation"/>).</summary>
    public static GenericChart Curves(IReadOnlyList<CollapseResult> results, string term, string title, string yTitle)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0)
        {
            throw new ArgumentException("There are no results to draw.", nameof(results));
        }

        IReadOnlyList<double> Epochs(CollapseResult r) => [.. r.Epochs.Select(e => (double)e.Epoch)];
        var chart = Charts.Line(results[0].Curve(term), results[0].Setting.Name, Epochs(results[0]), title, "epoch", yTitle);
        foreach (var result in results.Skip(1))
        {
            chart = chart.AddLine(result.Curve(term), result.Setting.Name, Epochs(result));
        }

        return chart;
    }

    /// <summary>The three per-epoch measures side by side.</summary>
    public static GenericChart AllCurves(IReadOnlyList<CollapseResult> results, string title) => Charts.Subplots(
        [
            Curves(results, CollapseMonitor.Kl, "KL (nats)", "KL"),
            Curves(results, CollapseMonitor.ActiveUnits, "active units", "units"),
            Curves(results, CollapseMonitor.MutualInformation, "I(x; z) (nats)", "MI"),
        ],
        columns: 3,
        title: title);

    /// <summary>The column of <see cref="TableOverSeeds"/> holding mean −log p(x|z) on the NLL digits.</summary>
    public const string Reconstruction = "recon (nats)";

    /// <summary>The column holding the mean KL(q(z|x) ‖ p(z)) on the NLL digits.</summary>
    public const string Kl = "KL (nats)";

    /// <summary>The column holding the active units on the probe digits.</summary>
    public const string ActiveUnits = "active units";

    /// <summary>The column holding I(x; z) on the probe digits.</summary>
    public const string MutualInformation = "MI (nats)";

    /// <summary>The column holding the importance-sampled −log p(x) on the NLL digits.</summary>
    public const string NegativeLogLikelihood = "NLL (nats)";

    /// <summary>
    /// One row per setting (by name), one column per measure (<see cref="Reconstruction"/>, <see cref="Kl"/>,
    /// <see cref="ActiveUnits"/>, <see cref="MutualInformation"/>, <see cref="NegativeLogLikelihood"/>), each over the
    /// results' seeds: <c>.ToDataFrame(title)</c> shows mean ± s.d., <c>table[setting, measure]</c> gives the spread.
    /// </summary>
    public static SeedTable TableOverSeeds(IEnumerable<CollapseResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var table = new SeedTable("setting");
        foreach (var r in results)
        {
            table.Add(r.Setting.Name, r.Seed, Reconstruction, r.Reconstruction)
                .Add(r.Setting.Name, r.Seed, Kl, r.Kl)
                .Add(r.Setting.Name, r.Seed, ActiveUnits, r.Collapse.ActiveUnits)
                .Add(r.Setting.Name, r.Seed, MutualInformation, r.Collapse.MutualInformation)
                .Add(r.Setting.Name, r.Seed, NegativeLogLikelihood, r.NegativeLogLikelihood);
        }

        return table;
    }

    /// <summary>KL per latent dimension after training, one bar series per setting (dimensions sorted by KL within each).</summary>
    public static GenericChart KlPerDimension(IReadOnlyList<CollapseResult> results, string title)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0)
        {
            throw new ArgumentException("There are no results to draw.", nameof(results));
        }

        IReadOnlyList<string> Ranks(CollapseResult r) => [.. Enumerable.Range(1, r.Collapse.LatentSize).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        IReadOnlyList<double> Sorted(CollapseResult r) => [.. r.Collapse.KlPerDimension.OrderDescending()];
        var chart = Charts.Bar(Ranks(results[0]), Sorted(results[0]), title, "latent dimension (by KL)", "KL (nats)", results[0].Setting.Name);
        foreach (var result in results.Skip(1))
        {
            chart = chart.AddBars(Ranks(result), Sorted(result), result.Setting.Name);
        }

        return chart;
    }
}
