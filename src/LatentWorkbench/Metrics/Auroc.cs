using TorchSharp;

namespace LatentWorkbench.Metrics;

/// <summary>
/// The area under the ROC curve of a score that should be larger for positives (e.g. anomalies) than for negatives.
/// </summary>
/// <remarks>
/// AUROC = P(s₊ &gt; s₋) + ½·P(s₊ = s₋) over all positive–negative pairs: the Mann–Whitney U statistic divided by
/// n₊·n₋, computed from mid-ranks (tied scores share the mean of their ranks), so ties count one half, as the
/// trapezoidal area of scikit-learn's <c>roc_auc_score</c>. O(n log n). 1: every positive outscores every negative;
/// 0.5: no better than chance; below 0.5: the score ranks the classes the wrong way round.
/// </remarks>
public static class Auroc
{
    /// <summary>The AUROC of <paramref name="scores"/> (a float tensor [N], e.g. per-image reconstruction errors) for the
    /// examples marked in <paramref name="positive"/> (a bool tensor [N], e.g. <c>test.Labels == 4</c>, or 0/1 integers).</summary>
    /// <exception cref="ArgumentException">Shapes differ or are not [N], a score is NaN, or there are no positives or no negatives.</exception>
    public static double Compute(torch.Tensor scores, torch.Tensor positive)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(positive);
        if (scores.dim() != 1 || positive.dim() != 1)
        {
            throw new ArgumentException(
                $"scores and positive must be vectors [N]; got [{string.Join(", ", scores.shape)}] and [{string.Join(", ", positive.shape)}].", nameof(scores));
        }

        using var scoreValues = scores.detach().to(torch.float64);
        using var hostScores = scoreValues.cpu();
        using var flags = positive.detach().ne(0);
        using var hostFlags = flags.cpu();
        return OfLists(hostScores.data<double>().ToArray(), hostFlags.data<bool>().ToArray());
    }

    /// <summary>The AUROC of <paramref name="scores"/> for the examples marked in <paramref name="positive"/>.</summary>
    /// <exception cref="ArgumentException">Lengths differ, a score is NaN, or there are no positives or no negatives.</exception>
    internal static double OfLists(IReadOnlyList<double> scores, IReadOnlyList<bool> positive)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(positive);
        if (scores.Count != positive.Count)
        {
            throw new ArgumentException($"positive has {positive.Count} entries but there are {scores.Count} scores: expected one flag per score.", nameof(positive));
        }

        for (int i = 0; i < scores.Count; i++)
        {
            if (double.IsNaN(scores[i]))
            {
                throw new ArgumentException($"scores[{i}] is NaN: every score must be a number.", nameof(scores));
            }
        }

        long positives = positive.Count(p => p);
        long negatives = positive.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            throw new ArgumentException($"AUROC needs both classes; got {positives} positives and {negatives} negatives.", nameof(positive));
        }

        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        double positiveRankSum = 0;
        for (int start = 0; start < order.Length;)
        {
            int end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]])
            {
                end++;
            }

            double midRank = ((start + end) / 2.0) + 1;   // ranks are 1-based
            for (int i = start; i <= end; i++)
            {
                if (positive[order[i]])
                {
                    positiveRankSum += midRank;
                }
            }

            start = end + 1;
        }

        double u = positiveRankSum - (positives * (positives + 1) / 2.0);
        return u / ((double)positives * negatives);
    }
}
