namespace LatentWorkbench.Experiments;

/// <summary>
/// How much data and training a study spends: what a notebook's <c>quick</c> parameter chooses. Applied with
/// <see cref="StudyOptionsExtensions.WithBudget{TOptions}(TOptions, StudyBudget)"/>; each study's options record says
/// what every budget other than <see cref="Default"/> changes.
/// </summary>
public enum StudyBudget
{
    /// <summary>The study's own defaults: the options as given.</summary>
    Default,

    /// <summary>A smoke run of seconds to a few minutes: a prefix of the data and a few epochs (what <c>--quick</c> runs), showing the mechanics rather than the results.</summary>
    Quick,
}
