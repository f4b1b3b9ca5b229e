using LatentWorkbench.Tables;
using Microsoft.Data.Analysis;

namespace LatentWorkbench.Reporting;

/// <summary>
/// Measurements of several settings (rows: "PCA", "AE") by several metrics (columns: "test MSE", "10-NN accuracy"),
/// each repeated over seeds; the table shows mean ± s.d. per cell and how many seeds each row rests on.
/// </summary>
/// <example><code>
/// var table = new SeedTable("model");
/// foreach (var seed in seeds) { table.Add("AE", seed, "test MSE", Train(seed).TestError); }
/// table.ToDataFrame(title: "Test reconstruction error over seeds")
/// </code></example>
/// <param name="rowHeader">The first column's name (what a row is: "model", "remedy").</param>
public sealed class SeedTable(string rowHeader)
{
    private readonly List<string> _rows = [];
    private readonly List<string> _metrics = [];
    private readonly Dictionary<(string Row, string Metric), SortedDictionary<long, double>> _values = [];

    /// <summary>The first column's name.</summary>
    public string RowHeader { get; } = rowHeader ?? throw new ArgumentNullException(nameof(rowHeader));

    /// <summary>The rows in the order they were first added.</summary>
    public IReadOnlyList<string> Rows => _rows;

    /// <summary>The metrics in the order they were first added.</summary>
    public IReadOnlyList<string> Metrics => _metrics;

    /// <summary>Adds one seed's value of <paramref name="metric"/> for <paramref name="row"/>.</summary>
    /// <exception cref="ArgumentException">This row, metric and seed already has a value.</exception>
    public SeedTable Add(string row, long seed, string metric, double value)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(metric);
        if (!_rows.Contains(row))
        {
            _rows.Add(row);
        }

        if (!_metrics.Contains(metric))
        {
            _metrics.Add(metric);
        }

        var bySeed = _values.TryGetValue((row, metric), out var found) ? found : _values[(row, metric)] = [];
        if (!bySeed.TryAdd(seed, value))
        {
            throw new ArgumentException($"'{row}' already has a '{metric}' for seed {seed}.", nameof(seed));
        }

        return this;
    }

    /// <summary>The spread of <paramref name="metric"/> over the seeds of <paramref name="row"/> (in seed order).</summary>
    /// <exception cref="KeyNotFoundException">Nothing was added for that row and metric; the message lists what was.</exception>
    public SeedSpread this[string row, string metric] => _values.TryGetValue((row, metric), out var bySeed)
        ? new SeedSpread(bySeed.Values.ToArray())
        : throw new KeyNotFoundException($"No '{metric}' for '{row}'; rows: {string.Join(", ", _rows)}; metrics: {string.Join(", ", _metrics)}.");

    /// <summary>
    /// One row per setting: its name, one "mean ± s.d." column per metric and the number of seeds. A cell's value is
    /// text so that the spread travels with the mean into every export.
    /// </summary>
    /// <param name="title">The table's caption; null: none.</param>
    /// <param name="digits">Digits after the point, for every metric, or per metric by name (<paramref name="digitsByMetric"/>).</param>
    /// <param name="digitsByMetric">Digits for particular metrics.</param>
    public DataFrame ToDataFrame(string? title = null, int digits = 4, IReadOnlyDictionary<string, int>? digitsByMetric = null)
    {
        var columns = new List<string> { RowHeader };
        columns.AddRange(_metrics.Select(m => m + " (mean ± s.d.)"));
        columns.Add("seeds");
        var rows = _rows.Select(row =>
        {
            var cells = new List<object?> { row };
            int seeds = 0;
            foreach (string metric in _metrics)
            {
                if (_values.TryGetValue((row, metric), out var bySeed))
                {
                    cells.Add(new SeedSpread(bySeed.Values.ToArray()).Format(digitsByMetric?.GetValueOrDefault(metric, digits) ?? digits));
                    seeds = Math.Max(seeds, bySeed.Count);
                }
                else
                {
                    cells.Add(null);
                }
            }

            cells.Add(seeds);
            return cells.ToArray();
        });
        return DataFrames.FromRows(columns, rows, title);
    }
}
