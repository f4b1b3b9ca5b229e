namespace LatentWorkbench.Experiments;

/// <summary>What every study's options record can do, spelled once for all of them.</summary>
public static class StudyOptionsExtensions
{
    /// <summary>
    /// These options at <paramref name="budget"/>: <see cref="StudyBudget.Default"/> returns them unchanged; another
    /// budget changes only what that study's budget sets (counts, epochs, a narrower model) and keeps every other
    /// setting, the seed and the device included.
    /// </summary>
    /// <example><c>CollapseExperimentOptions.Default.WithBudget(quick ? StudyBudget.Quick : StudyBudget.Default) with { Seed = seed }</c></example>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="budget"/> is not a budget the study knows.</exception>
    public static TOptions WithBudget<TOptions>(this TOptions options, StudyBudget budget)
        where TOptions : StudyOptions
    {
        ArgumentNullException.ThrowIfNull(options);
        return (TOptions)options.AtBudget(budget);
    }
}
