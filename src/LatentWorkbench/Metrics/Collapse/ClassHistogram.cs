using LatentWorkbench.Compute;
using TorchSharp;

namespace LatentWorkbench.Metrics.Collapse;

/// <summary>
/// How generated examples spread over classes, as a classifier labels them: the mode-collapse measures of a generator
/// (classes covered, entropy of the histogram, share of the most frequent class).
/// </summary>
/// <remarks>
/// With shares pₖ = countₖ / N: entropy H = −Σₖ pₖ ln pₖ nats (ln K for a uniform spread over K classes, 0 when every
/// example gets one label). A class counts as covered when its share reaches <see cref="CoverageShare"/>, so that a few
/// stray, misclassified samples do not make a collapsed generator look diverse.
/// </remarks>
public sealed record ClassHistogram
{
    /// <summary>The default share a class needs to count as covered: 1% (a tenth of its share under a uniform spread over 10).</summary>
    public const double DefaultCoverageShare = 0.01;

    /// <summary>Counts the labels <paramref name="labels"/> (each in [0, <paramref name="classes"/>)).</summary>
    /// <param name="labels">One class per example: an integer tensor [N] on any device (int64, as <c>MnistSplit.Labels</c> and a classifier's predictions).</param>
    /// <param name="classes">The number of classes K.</param>
    /// <param name="coverageShare">The share a class needs to count as covered.</param>
    /// <exception cref="ArgumentException">Labels that are not an integer tensor [N], no labels, or a label outside the classes (named with its position).</exception>
    public ClassHistogram(torch.Tensor labels, int classes = 10, double coverageShare = DefaultCoverageShare)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classes);
        if (!(coverageShare > 0 && coverageShare <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(coverageShare), coverageShare, "The coverage share must be in (0, 1].");
        }

        int[] values = TensorArguments.Labels(labels, nameof(labels));
        if (values.Length == 0)
        {
            throw new ArgumentException("There are no labels to count.", nameof(labels));
        }

        var counts = new int[classes];
        for (int i = 0; i < values.Length; i++)
        {
            int label = values[i];
            if (label < 0 || label >= classes)
            {
                throw new ArgumentException($"labels[{i}] is {label}; expected a class in [0, {classes}).", nameof(labels));
            }

            counts[label]++;
        }

        Counts = counts;
        CoverageShare = coverageShare;
    }

    /// <summary>Examples per class.</summary>
    public IReadOnlyList<int> Counts { get; }

    /// <summary>The share a class needs to count as covered.</summary>
    public double CoverageShare { get; }

    /// <summary>Examples counted.</summary>
    public int Total => Counts.Sum();

    /// <summary>Each class's share of the examples.</summary>
    public IReadOnlyList<double> Shares => [.. Counts.Select(c => (double)c / Total)];

    /// <summary>Classes whose share is at least <see cref="CoverageShare"/>.</summary>
    public int ClassesCovered => Shares.Count(p => p >= CoverageShare);

    /// <summary>H = −Σ pₖ ln pₖ, nats.</summary>
    public double Entropy => -Shares.Where(p => p > 0).Sum(p => p * Math.Log(p));

    /// <summary>The largest share.</summary>
    public double MostFrequentShare => Shares.Max();
}
