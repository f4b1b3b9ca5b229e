using LatentWorkbench.Figures;
using LatentWorkbench.Images;
using LatentWorkbench.Metrics.Collapse;
using Plotly.NET;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using TorchSharp;

namespace LatentWorkbench.Experiments.Gans;

/// <summary>The figures and tables of the mode-collapse study (notebook 06), one call each.</summary>
public static class GanFigures
{
    /// <summary>The samples from fixed noise after each epoch: one row per epoch (the grid over training).</summary>
    /// <exception cref="ArgumentException">The run has no snapshots (a cached run without its snapshot file).</exception>
    public static Image<L8> OverTraining(GanResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Snapshots.Count == 0)
        {
            throw new ArgumentException($"{result.Setting.Name} has no snapshots (its snapshot file is missing from the run store).", nameof(result));
        }

        int count = (int)result.Snapshots[0].shape[0];
        using var images = torch.cat([.. result.Snapshots], 0);
        string[] rows = [.. Enumerable.Range(1, result.Snapshots.Count).Select(e => $"epoch {e}")];
        return GridImage.FromImages(images, count, rowLabels: rows, title: $"{result.Setting.Name}: the same noise after each epoch");
    }

    /// <summary>One row of <paramref name="columns"/> samples per named sample set (rows [N, 784] in [0, 1]).</summary>
    public static Image<L8> Samples(IReadOnlyList<(string Name, torch.Tensor Samples)> sets, int columns, string title)
    {
        ArgumentNullException.ThrowIfNull(sets);
        using var scope = torch.NewDisposeScope();
        var rows = torch.cat([.. sets.Select(s => s.Samples.narrow(0, 0, columns).cpu())], 0);
        return GridImage.FromImages(rows, columns, rowLabels: [.. sets.Select(s => s.Name)], title: title);
    }

    /// <summary>The class histograms of <paramref name="seed"/>'s sample sets side by side (share of samples per digit), one bar series per set.</summary>
    public static GenericChart ClassShares(IEnumerable<SeededDiversity> measured, long seed, string title)
    {
        ArgumentNullException.ThrowIfNull(measured);
        var reports = measured.Where(d => d.Seed == seed).Select(d => (d.Name, d.Report)).ToList();
        if (reports.Count == 0)
        {
            throw new ArgumentException($"There are no reports of seed {seed} to draw.", nameof(measured));
        }

        IReadOnlyList<string> digits = [.. Enumerable.Range(0, reports[0].Report.Histogram.Counts.Count).Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        var chart = Charts.Bar(digits, reports[0].Report.Histogram.Shares, title, "digit (as the classifier reads it)", "share of samples", reports[0].Name);
        foreach (var (name, report) in reports.Skip(1))
        {
            chart = chart.AddBars(digits, report.Histogram.Shares, name);
        }

        return chart;
    }
}
