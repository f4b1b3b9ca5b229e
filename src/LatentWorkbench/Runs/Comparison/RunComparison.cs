using System.Globalization;
using Microsoft.Data.Analysis;
using LatentWorkbench.Tables;
using Plotly.NET;

namespace LatentWorkbench.Runs.Comparison;

/// <summary>
/// The completed runs of a run store side by side: one row per run with its family, id, start time, code version,
/// every config field (flattened to dotted names such as <c>model.latent_size</c>) and every final metric; filter
/// by family and by any config field, then show it as a table (<see cref="ToDataFrame"/>) or as a metric against a
/// hyperparameter (<see cref="Chart"/>).
/// </summary>
/// <example><code>
/// var runs = RunComparison.Load(RunStore.Open(), family: "vae").Where("latent=2,10,20");
/// runs.ToDataFrame()                      // the table
/// runs.Chart(x: "latent", y: "test_loss") // one line per combination of the other settings that vary
/// </code></example>
public sealed partial class RunComparison
{
    private RunComparison(string storePath, string? family, IReadOnlyList<ComparedRun> runs, IReadOnlyList<string> families, IReadOnlyList<string> conditions)
    {
        StorePath = storePath;
        Family = family;
        Runs = runs;
        StoredFamilies = families;
        Conditions = conditions;
        ConfigFields = [.. runs.SelectMany(r => r.Config.Keys).Distinct(StringComparer.Ordinal)];
        Metrics = [.. runs.SelectMany(r => r.Metrics.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>The store file the runs come from.</summary>
    public string StorePath { get; }

    /// <summary>The family asked for (a model name, or a pattern with <c>*</c>), or null for every family.</summary>
    public string? Family { get; }

    /// <summary>The runs, oldest first.</summary>
    public IReadOnlyList<ComparedRun> Runs { get; }

    /// <summary>Every config field of the runs, by dotted name, in the order they first appear.</summary>
    public IReadOnlyList<string> ConfigFields { get; }

    /// <summary>Every final metric of the runs, in name order.</summary>
    public IReadOnlyList<string> Metrics { get; }

    /// <summary>The config fields whose value is not the same in every run (a field a run lacks counts as a value of its own).</summary>
    public IReadOnlyList<string> VaryingFields => [.. ConfigFields.Where(name => Runs.Select(r => KeyOf(r, name)).Distinct(StringComparer.Ordinal).Count() > 1)];

    /// <summary>The filters applied so far, as <c>field=v1,v2</c>.</summary>
    public IReadOnlyList<string> Conditions { get; }

    /// <summary>True when no run matches (an empty store, a family nothing was trained for yet, or filters that leave none).</summary>
    public bool IsEmpty => Runs.Count == 0;

    /// <summary>Every family (model name) with a completed run in the store, with or without the filters.</summary>
    public IReadOnlyList<string> StoredFamilies { get; }

    /// <summary>The completed runs of <paramref name="store"/>, those of <paramref name="family"/> only when it is given.</summary>
    /// <param name="store">The run store.</param>
    /// <param name="family">A model name as the store holds it (<c>vae</c>, <c>beta-vae</c>, <c>conv-vae</c>, …, see <c>workbench runs list</c>),
    /// or a pattern where <c>*</c> stands for any text (<c>*vae*</c>); null: every run.</param>
    public static RunComparison Load(RunStore store, string? family = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var completed = store.List().Where(r => r.Status == RunStatus.Completed).ToList();
        var families = completed.Select(r => r.Model).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var rows = completed
            .Where(r => string.IsNullOrWhiteSpace(family) || FamilyMatches(family.Trim(), r.Model))
            .Select(r => new ComparedRun(r, ConfigFieldsOf(r), r.FinalMetrics))
            .ToList();
        return new RunComparison(store.Path, string.IsNullOrWhiteSpace(family) ? null : family.Trim(), rows, families, []);
    }

    /// <summary>The runs whose <paramref name="field"/> has one of <paramref name="values"/>.</summary>
    /// <param name="field">A config field: its dotted name, its last part, or the start of its last part when that is unique (<c>latent</c> for <c>model.latent_size</c>).</param>
    /// <param name="values">The values to keep, as typed (numbers compare by value: <c>0.001</c> matches <c>1e-3</c>).</param>
    /// <exception cref="RunComparisonException">No field (or more than one) has that name, no values are given, or no run has any of them; the message lists what exists.</exception>
    public RunComparison Where(string field, params IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(values);
        if (IsEmpty)
        {
            return new RunComparison(StorePath, Family, Runs, StoredFamilies, [.. Conditions, $"{field}={string.Join(',', values)}"]);
        }

        string resolved = FieldNames.Resolve(field, ConfigFields, "config field", Describe());
        var wanted = values.Select(FlatConfig.KeyOfTyped).Where(v => v.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (wanted.Count == 0)
        {
            throw new RunComparisonException($"The filter on {resolved} names no values; write it as {resolved}=v1,v2.");
        }

        var kept = Runs.Where(r => wanted.Contains(KeyOf(r, resolved))).ToList();
        if (kept.Count == 0)
        {
            string present = string.Join(", ", Runs.Select(r => KeyOf(r, resolved)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
            throw new RunComparisonException($"No run of {Describe()} has {resolved} = {string.Join(" or ", values)}; the values stored are: {present}.");
        }

        return new RunComparison(StorePath, Family, kept, StoredFamilies, [.. Conditions, $"{resolved}={string.Join(',', values)}"]);
    }

    /// <summary>The runs a condition written <c>field=v1,v2</c> keeps (the form <c>--where</c> takes on the command line).</summary>
    /// <exception cref="RunComparisonException">The condition has no <c>=</c>, or <see cref="Where(string, IReadOnlyList{string})"/> refuses it.</exception>
    public RunComparison Where(string condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        int equals = condition.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new RunComparisonException($"A filter is written field=v1,v2 (e.g. latent=2,10,20); got '{condition}'.");
        }

        return Where(condition[..equals].Trim(), condition[(equals + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>
    /// The runs as a table: <c>family</c>, <c>run</c> (the store's id), <c>started (UTC)</c>, <c>code version</c>, then every
    /// config field (only those that vary with <paramref name="onlyVarying"/>), then every final metric.
    /// </summary>
    public DataFrame ToDataFrame(bool onlyVarying = false)
    {
        var fields = onlyVarying ? VaryingFields : ConfigFields;
        var fixedColumns = new[] { "family", "run", "started (UTC)", "code version" };
        var taken = new HashSet<string>(fixedColumns.Concat(fields), StringComparer.Ordinal);
        var metricColumns = Metrics.Select(m => taken.Contains(m) ? "final " + m : m).ToList();
        var rows = Runs.Select(r => new object?[] { r.Family, r.Run.Id, r.Run.StartedUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), CodeVersion.Short(r.Run.CodeVersion) }
            .Concat(fields.Select(f => r.Config.TryGetValue(f, out object? v) ? v : null))
            .Concat(Metrics.Select(m => r.Metrics.TryGetValue(m, out double v) ? (object?)v : null))
            .ToArray());
        return DataFrames.FromRows([.. fixedColumns, .. fields, .. metricColumns], rows, title: Summary);
    }

    /// <summary>One line on what the comparison holds, or an honest "no runs yet" with what the store does hold.</summary>
    public string Summary
    {
        get
        {
            if (!IsEmpty)
            {
                var varying = VaryingFields;
                return $"{Runs.Count} completed run{(Runs.Count == 1 ? "" : "s")} of {Describe()}"
                    + (varying.Count == 0 ? "; every config field is the same" : $"; varying: {string.Join(", ", varying.Select(f => FieldNames.Short(f, ConfigFields)))}");
            }

            string held = StoredFamilies.Count == 0 ? "the store holds no completed runs" : $"the store holds runs of {string.Join(", ", StoredFamilies)}";
            return $"No completed runs of {Describe()} yet ({held}; store {StorePath}).";
        }
    }

    /// <summary>What the runs are, for messages: <c>'vae'</c>, <c>every family</c>, with the filters.</summary>
    private string Describe() =>
        (Family is null ? "every family" : $"'{Family}'") + (Conditions.Count == 0 ? "" : $" where {string.Join(" and ", Conditions)}");

    private static string KeyOf(ComparedRun run, string field) =>
        run.Config.TryGetValue(field, out object? value) ? FlatConfig.Key(value) : "(absent)";

    private static Dictionary<string, object?> ConfigFieldsOf(RunRecord run) =>
        FlatConfig.Flatten(run.ConfigJson).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);

    private static bool FamilyMatches(string pattern, string model)
    {
        if (!pattern.Contains('*', StringComparison.Ordinal))
        {
            return string.Equals(pattern, model, StringComparison.OrdinalIgnoreCase);
        }

        string regex = "^" + string.Join(".*", pattern.Split('*').Select(System.Text.RegularExpressions.Regex.Escape)) + "$";
        return System.Text.RegularExpressions.Regex.IsMatch(model, regex, System.Text.RegularExpressions.RegexOptions.IgnoreCase);
    }
}
