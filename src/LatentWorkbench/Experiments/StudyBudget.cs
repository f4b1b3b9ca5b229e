namespace LatentWorkbench.Experiments;

/// <summary>
/// How much data and training a study spends: what a notebook's <c>budget</c> parameter chooses. Applied with
/// <see cref="StudyOptionsExtensions.WithBudget{TOptions}(TOptions, StudyBudget)"/>; each study's options record says
/// what every budget other than <see cref="Default"/> changes.
/// </summary>
public enum StudyBudget
{
    /// <summary>The study's own defaults: the options as given.</summary>
    Default,

    /// <summary>A smoke run of seconds to a few minutes: a prefix of the data and a few epochs (what <c>--quick</c> runs), showing the mechanics rather than the results.</summary>
    Quick,

    /// <summary>
    /// Training meant to reach the literature's numbers, for a GPU or an overnight CPU run: every training and test digit
    /// and <see cref="StudyOptions.LongEpochFactor"/> times the default epochs (e.g. the seed VAE's 10 become 100, the
    /// epochs Kingma &amp; Welling's curves flatten by).
    /// </summary>
    Long,
}
