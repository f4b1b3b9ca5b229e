using LatentWorkbench.Metrics.Collapse;
using LatentWorkbench.Models.Classifiers;
using LatentWorkbench.Reporting;
using TorchSharp;

namespace LatentWorkbench.Experiments.Gans;

/// <summary>
/// The diversity comparison of notebook 06, seed by seed: for each seed, other real test digits (the scale), every GAN
/// of that seed and any extra sample sets (e.g. a VAE's samples) are measured by one <see cref="DigitClassifierProbe"/>
/// against the same reference test digits.
/// </summary>
public static class GanDiversity
{
    /// <summary>The name of the real-digit row: test digits other than the reference ones.</summary>
    public const string OtherTestDigits = "other test digits";

    /// <summary>The column of <see cref="TableOverSeeds"/> holding how many classes have at least 1% of the samples.</summary>
    public const string ClassesCovered = "classes covered";

    /// <summary>The column holding the entropy of the class histogram (nats; ln 10 for a uniform spread).</summary>
    public const string Entropy = "entropy (nats)";

    /// <summary>The column holding the share of the most frequent class.</summary>
    public const string TopShare = "top class share";

    /// <summary>The column holding the Fréchet distance d² to the reference digits on classifier features.</summary>
    public const string Frechet = "Fréchet d²";

    /// <summary>
    /// <paramref name="classifier"/> (e.g. <c>ClassifierExperiment.Run(...).Model</c>, in eval mode) as the diversity probe:
    /// its logits and penultimate features, each batch moved to the classifier's device first, so that samples and test
    /// digits on the CPU can be judged by a classifier on a GPU.
    /// </summary>
    public static DigitClassifierProbe Probe(ConvClassifier classifier)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        var device = classifier.parameters().First().device;
        return new DigitClassifierProbe(x => classifier.forward(x.to(device)), x => classifier.Features(x.to(device)));
    }

    /// <summary>
    /// The sample sets of <paramref name="seed"/>, each [<paramref name="count"/>, pixels]: test digits
    /// [count, 2·count) (<see cref="OtherTestDigits"/>), then <paramref name="count"/> samples of each GAN of that seed
    /// (noise seeded with it), then <paramref name="extra"/>'s sets for it.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than 2·<paramref name="count"/> test digits, or no GAN of that seed.</exception>
    public static IReadOnlyList<(string Name, torch.Tensor Samples)> SampleSets(
        IReadOnlyList<GanResult> gans, long seed, torch.Tensor testDigits, int count, Func<long, IEnumerable<(string Name, torch.Tensor Samples)>>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(gans);
        ArgumentNullException.ThrowIfNull(testDigits);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        if (testDigits.shape[0] < 2L * count)
        {
            throw new ArgumentException($"{2 * count} test digits are needed ({count} as the reference, {count} to compare); got {testDigits.shape[0]}.", nameof(testDigits));
        }

        var ofSeed = gans.Where(g => g.Seed == seed).ToList();
        if (ofSeed.Count == 0)
        {
            throw new ArgumentException($"No GAN of seed {seed}; seeds: {string.Join(", ", gans.Select(g => g.Seed).Distinct())}.", nameof(seed));
        }

        List<(string, torch.Tensor)> sets = [(OtherTestDigits, testDigits.narrow(0, count, count))];
        sets.AddRange(ofSeed.Select(g => (g.Setting.Name, g.Samples(count, seed))));
        sets.AddRange(extra?.Invoke(seed) ?? []);
        return sets;
    }

    /// <summary>
    /// Measures <see cref="SampleSets"/> of every seed of <paramref name="gans"/> (in the order the seeds first appear)
    /// against test digits [0, <paramref name="count"/>).
    /// </summary>
    public static IReadOnlyList<SeededDiversity> Measure(
        IReadOnlyList<GanResult> gans, torch.Tensor testDigits, int count, DigitClassifierProbe probe, Func<long, IEnumerable<(string Name, torch.Tensor Samples)>>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(gans);
        ArgumentNullException.ThrowIfNull(probe);
        var measured = new List<SeededDiversity>();
        foreach (long seed in gans.Select(g => g.Seed).Distinct())
        {
            using var scope = torch.NewDisposeScope();
            var sets = SampleSets(gans, seed, testDigits, count, extra);
            var reference = testDigits.narrow(0, 0, count);   // disposed with the scope, like the sample sets
            measured.AddRange(SampleDiversity.Measure(sets, reference, probe).Select(d => new SeededDiversity(d.Name, seed, d.Report)));
        }

        return measured;
    }

    /// <summary>
    /// One row per sample set (by name), one column per measure (<see cref="ClassesCovered"/>, <see cref="Entropy"/>,
    /// <see cref="TopShare"/>, <see cref="Frechet"/>), each over the seeds: <c>.ToDataFrame(title)</c> shows
    /// mean ± s.d., <c>table[set, measure]</c> gives the spread.
    /// </summary>
    public static SeedTable TableOverSeeds(IEnumerable<SeededDiversity> measured)
    {
        ArgumentNullException.ThrowIfNull(measured);
        var table = new SeedTable("samples");
        foreach (var (name, seed, report) in measured)
        {
            table.Add(name, seed, ClassesCovered, report.Histogram.ClassesCovered)
                .Add(name, seed, Entropy, report.Histogram.Entropy)
                .Add(name, seed, TopShare, report.Histogram.MostFrequentShare)
                .Add(name, seed, Frechet, report.Frechet);
        }

        return table;
    }
}
