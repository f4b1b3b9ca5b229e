using LatentWorkbench.Figures;
using LatentWorkbench.Metrics.Collapse;
using LatentWorkbench.Tables;
using Microsoft.Data.Analysis;
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

    /// <summary>One row per setting: reconstruction, KL, active units, MI, NLL on test digits, training seconds, whether cached.</summary>
    public static DataFrame Table(IReadOnlyList<CollapseResult> results, string title)
    {
        ArgumentNullException.ThrowIfNull(results);
        return DataFrames.FromRows(
            ["setting", "recon (nats)", "KL (nats)", "active units", "MI (nats)", "NLL (nats)", "train s", "cached"],
            results.Select(r => new object?[]
            {
                r.Setting.Name, r.Reconstruction, r.Kl, $"{r.Collapse.ActiveUnits} / {r.Collapse.LatentSize}", r.Collapse.MutualInformation,
                r.NegativeLogLikelihood, r.TrainingSeconds, r.FromCache,
            }),
            title);
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
