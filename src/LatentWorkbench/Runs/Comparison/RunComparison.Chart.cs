using LatentWorkbench.Figures;
using LatentWorkbench.Figures.Display;
using Plotly.NET;
using PlotlyTrace = Plotly.NET.Trace;

namespace LatentWorkbench.Runs.Comparison;

public sealed partial class RunComparison
{
    /// <summary>Pixel size of the chart (the workbench's line-chart size).</summary>
    private static readonly (int Width, int Height) ChartSize = (620, 440);

    /// <summary>
    /// A final metric against a hyperparameter: x = <paramref name="x"/>, y = <paramref name="y"/>, one line per combination
    /// of the other config fields that vary among the runs drawn, named by those settings (<c>hidden_size=400, seed=1</c>).
    /// </summary>
    /// <param name="x">A numeric config field (a name as <see cref="Where(string, IReadOnlyList{string})"/> takes it).</param>
    /// <param name="y">A final metric, e.g. <c>test_loss</c>.</param>
    /// <param name="title">The figure title (default: "<c>y</c> against <c>x</c>" and the family).</param>
    /// <remarks>
    /// Runs that lack <paramref name="x"/> or <paramref name="y"/> are left out. Where one line has several runs at the same x (the same
    /// config trained again), the newest is drawn. Every point is also drawn as a marker, so a line of one run still shows. With no
    /// runs at all the chart is empty and its title says so: a notebook on an empty store shows that instead of failing.
    /// </remarks>
    /// <exception cref="RunComparisonException">No config field or metric has that name, or <paramref name="x"/> is not a number in any run.</exception>
    public GenericChart Chart(string x, string y, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ChartFormatters.EnsureRegistered();
        if (IsEmpty)
        {
            return ChartParts.Chart([], title ?? $"No completed runs of {Describe()} yet", ChartSize, ChartParts.Axis(x), ChartParts.Axis(y));
        }

        var (xField, metric, lines) = LinesOf(x, y);
        var traces = new List<PlotlyTrace>();
        for (int i = 0; i < lines.Count; i++)
        {
            double[] xs = [.. lines[i].X], ys = [.. lines[i].Y];
            string? name = lines[i].Name.Length == 0 ? null : lines[i].Name;
            string color = ChartParts.Color(i);
            traces.Add(ChartParts.Trace("scatter",
                ("name", name), ("showlegend", name is null ? false : null), ("mode", "lines"), ("x", xs), ("y", ys),
                ("line", ChartParts.Obj(("color", color), ("width", 2)))));
            // The same points as marks: the static rendering draws a "lines" trace as a polyline only, and a line of one run has none.
            traces.Add(ChartParts.Trace("scatter",
                ("showlegend", false), ("mode", "markers"), ("x", xs), ("y", ys),
                ("marker", ChartParts.Obj(("color", color), ("size", 7)))));
        }

        string xName = FieldNames.Short(xField, ConfigFields);
        return ChartParts.Chart(traces, title ?? $"{metric} against {xName} ({Describe()})", ChartSize, ChartParts.Axis(xName), ChartParts.Axis(metric));
    }

    /// <summary>The lines <see cref="Chart"/> draws: one per combination of the other config fields that vary, named by them.</summary>
    /// <inheritdoc cref="Chart" path="/param[@name='x']"/>
    /// <inheritdoc cref="Chart" path="/param[@name='y']"/>
    /// <returns>The lines in name order; empty when there are no runs.</returns>
    /// <inheritdoc cref="Chart" path="/exception"/>
    public IReadOnlyList<ComparisonLine> Lines(string x, string y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        return IsEmpty ? [] : LinesOf(x, y).Lines;
    }

    private (string XField, string Metric, List<ComparisonLine> Lines) LinesOf(string x, string y)
    {
        string xField = FieldNames.Resolve(x, ConfigFields, "config field", Describe());
        string metric = FieldNames.Resolve(y, Metrics, "metric", Describe());
        var drawn = Runs.Where(r => FlatConfig.Number(r.Config.GetValueOrDefault(xField)) is not null && r.Metrics.ContainsKey(metric)).ToList();
        if (drawn.Count == 0)
        {
            string found = string.Join(", ", Runs.Select(r => KeyOf(r, xField)).Distinct(StringComparer.Ordinal));
            throw new RunComparisonException($"{xField} is not a number in any run of {Describe()} that recorded {metric} (its values: {found}); choose a numeric field for x.");
        }

        var others = new RunComparison(StorePath, Family, drawn, StoredFamilies, Conditions).VaryingFields.Where(f => f != xField).ToList();
        bool severalFamilies = drawn.Select(r => r.Family).Distinct(StringComparer.Ordinal).Count() > 1;
        double At(ComparedRun run) => FlatConfig.Number(run.Config[xField])!.Value;
        var lines = drawn
            .GroupBy(r => LineName(r, others, severalFamilies))
            // Numbers in numeric order (hidden_size=64 before hidden_size=128), anything else in text order.
            .OrderBy(g => LineSettings(g.First(), others, severalFamilies), SettingsOrder.Instance)
            .Select(line =>
            {
                var points = line.GroupBy(At).Select(atX => atX.MaxBy(r => r.Run.Id)!).OrderBy(At).ToList();
                return new ComparisonLine(line.Key, [.. points.Select(At)], [.. points.Select(r => r.Metrics[metric])], [.. points.Select(r => r.Run.Id)]);
            })
            .ToList();
        return (xField, metric, lines);
    }

    private static List<object?> LineSettings(ComparedRun run, IReadOnlyList<string> others, bool withFamily) =>
        [.. (withFamily ? [run.Family] : Array.Empty<object?>()), .. others.Select(f => run.Config.GetValueOrDefault(f))];

    /// <summary>Orders lines by their settings, one field after another: numbers by value, other values by their text.</summary>
    private sealed class SettingsOrder : IComparer<List<object?>>
    {
        public static SettingsOrder Instance { get; } = new();

        public int Compare(List<object?>? a, List<object?>? b)
        {
            for (int i = 0; i < Math.Min(a!.Count, b!.Count); i++)
            {
                int order = FlatConfig.Number(a[i]) is { } left && FlatConfig.Number(b[i]) is { } right
                    ? left.CompareTo(right)
                    : string.CompareOrdinal(FlatConfig.Key(a[i]), FlatConfig.Key(b[i]));
                if (order != 0)
                {
                    return order;
                }
            }

            return a.Count.CompareTo(b.Count);
        }
    }

    private string LineName(ComparedRun run, IReadOnlyList<string> others, bool withFamily)
    {
        var parts = others.Select(f => $"{FieldNames.Short(f, ConfigFields)}={KeyOf(run, f)}");
        return string.Join(", ", withFamily ? parts.Prepend(run.Family) : parts);
    }
}
