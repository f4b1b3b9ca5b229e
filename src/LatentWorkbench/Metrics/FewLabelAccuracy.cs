using static TorchSharp.torch;

namespace LatentWorkbench.Metrics;

/// <summary>
/// Semi-supervised learning's question for a representation: with only a few labelled digits, how well does a simple
/// classifier on it read the rest? A good unsupervised code (a VAE's μ) puts each class in a region of its own, so a
/// handful of labels per class is enough there, where pixels need many.
/// </summary>
/// <remarks>
/// The labelled digits are a class-balanced sample of the training points (<see cref="BalancedSample"/>, the same for
/// every representation given the same seed); the classifier is k-nearest-neighbours on them
/// (<c>KnnAccuracy.Split</c>), which has no parameters to tune on so few labels.
/// </remarks>
public static class FewLabelAccuracy
{
    /// <summary>Test accuracy of a k-NN classifier that knows the labels of only <paramref name="labelCount"/> training points.</summary>
    /// <param name="trainData">Training points, float32 [N, D] (pixels, PCA codes, VAE means…).</param>
    /// <param name="trainLabels">Their classes, integer [N]: only the sampled ones are used.</param>
    /// <param name="testData">Test points, float32 [M, D].</param>
    /// <param name="testLabels">Their classes, integer [M].</param>
    /// <param name="labelCount">How many labelled training points (split evenly over the classes; e.g. 100 = 10 per digit).</param>
    /// <param name="seed">Picks the labelled points.</param>
    /// <param name="k">Neighbours in the vote (1: the nearest labelled digit).</param>
    public static double Evaluate(Tensor trainData, Tensor trainLabels, Tensor testData, Tensor testLabels, int labelCount, long seed, int k = 1)
    {
        ArgumentNullException.ThrowIfNull(trainData);
        using var scope = NewDisposeScope();
        var picked = BalancedSample(trainLabels, labelCount, seed);
        return KnnAccuracy.Split(trainData.index_select(0, picked.to(trainData.device)), trainLabels.index_select(0, picked.to(trainLabels.device)), testData, testLabels, k);
    }

    /// <summary>
    /// <paramref name="labelCount"/> indices of <paramref name="labels"/>, as many per class as the count allows (the
    /// first classes get one more when it does not divide evenly), drawn without replacement by <paramref name="seed"/>;
    /// sorted, int64 on the CPU.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer labels than classes, or a class with fewer points than its share.</exception>
    public static Tensor BalancedSample(Tensor labels, int labelCount, long seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        long[] values = labels.to(CPU).to_type(ScalarType.Int64).data<long>().ToArray();
        var classes = values.Distinct().Order().ToArray();
        if (labelCount < classes.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(labelCount), labelCount, $"labelCount must be at least the number of classes ({classes.Length}), so that every class has a labelled point.");
        }

        var random = new Random(unchecked((int)seed ^ (int)(seed >> 32)));
        var picked = new List<long>(labelCount);
        for (int c = 0; c < classes.Length; c++)
        {
            int share = (labelCount / classes.Length) + (c < labelCount % classes.Length ? 1 : 0);
            long[] members = Enumerable.Range(0, values.Length).Where(i => values[i] == classes[c]).Select(i => (long)i).ToArray();
            if (members.Length < share)
            {
                throw new ArgumentOutOfRangeException(nameof(labelCount), labelCount, $"class {classes[c]} has {members.Length} points, fewer than its {share} labels.");
            }

            random.Shuffle(members);
            picked.AddRange(members.Take(share));
        }

        picked.Sort();
        return tensor(picked.ToArray());
    }
}
