namespace LatentWorkbench.Experiments.Collapse;

/// <summary>The checks a notebook's <c>seeds</c> list passes before any model of notebook 06 trains (its VAEs and GANs).</summary>
internal static class SeedList
{
    /// <summary>Throws when <paramref name="seeds"/> is empty or names a seed twice (a repeated seed would count as two seeds in a spread).</summary>
    public static void Validate(IReadOnlyList<int> seeds, string parameterName = "seeds")
    {
        ArgumentNullException.ThrowIfNull(seeds, parameterName);
        if (seeds.Count == 0)
        {
            throw new ArgumentException("At least one seed is needed.", parameterName);
        }

        if (seeds.Distinct().Count() != seeds.Count)
        {
            throw new ArgumentException($"Each seed may be given once; got {string.Join(", ", seeds)}.", parameterName);
        }
    }
}
