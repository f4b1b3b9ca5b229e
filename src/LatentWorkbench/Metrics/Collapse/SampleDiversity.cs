using TorchSharp;

namespace LatentWorkbench.Metrics.Collapse;

/// <summary>
/// A digit classifier as the diversity meter of generated digits: its logits label each sample (the class histogram), its
/// penultimate features give the Fréchet distance to real digits.
/// </summary>
/// <param name="Logits">Examples [B, pixels] → class logits [B, classes] (eval mode, no gradients needed).</param>
/// <param name="Features">Examples [B, pixels] → features [B, d] (e.g. the classifier's last hidden layer).</param>
public sealed record DigitClassifierProbe(Func<torch.Tensor, torch.Tensor> Logits, Func<torch.Tensor, torch.Tensor> Features);

/// <summary>The diversity of a set of generated examples against real ones.</summary>
/// <param name="Histogram">The classifier's labels of the samples.</param>
/// <param name="Frechet">Fréchet distance d² between classifier features of the samples and of the real examples.</param>
public sealed record DiversityReport(ClassHistogram Histogram, double Frechet);

/// <summary>Measures <see cref="DiversityReport"/>s with a <see cref="DigitClassifierProbe"/>.</summary>
public static class SampleDiversity
{
    /// <summary>Labels <paramref name="samples"/> and compares their features with <paramref name="real"/>'s; both [N, pixels] on the classifier's device.</summary>
    /// <param name="samples">Generated examples.</param>
    /// <param name="real">Real examples (e.g. test digits), at least 2.</param>
    /// <param name="classifier">The probe.</param>
    /// <param name="batchSize">Examples classified at once.</param>
    public static DiversityReport Measure(torch.Tensor samples, torch.Tensor real, DigitClassifierProbe classifier, int batchSize = 500)
    {
        ArgumentNullException.ThrowIfNull(samples);
        return Measure([("samples", samples)], real, classifier, batchSize)[0].Report;
    }

    /// <summary>As <see cref="Measure(torch.Tensor, torch.Tensor, DigitClassifierProbe, int)"/> for several named sample sets, the real features computed once.</summary>
    public static IReadOnlyList<(string Name, DiversityReport Report)> Measure(
        IReadOnlyList<(string Name, torch.Tensor Samples)> sets, torch.Tensor real, DigitClassifierProbe classifier, int batchSize = 500)
    {
        ArgumentNullException.ThrowIfNull(sets);
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var realFeatures = Compute.Batches.Concat(real.shape[0], batchSize, (start, count) => classifier.Features(Rows(real, start, count)));
        var reports = new List<(string, DiversityReport)>(sets.Count);
        foreach (var (name, samples) in sets)
        {
            int classes = 0;
            var (predicted, features) = Compute.Batches.Concat(samples.shape[0], batchSize, (start, count) =>
            {
                var batch = Rows(samples, start, count);
                var logits = classifier.Logits(batch);
                classes = (int)logits.shape[1];
                return (logits.argmax(1), classifier.Features(batch));
            });
            reports.Add((name, new DiversityReport(new ClassHistogram(predicted, classes), FrechetDistance.FromFeatures(features, realFeatures))));
        }

        return reports;
    }

    // Rows [start, start + count) flattened to [count, pixels].
    private static torch.Tensor Rows(torch.Tensor data, long start, long count) => data.narrow(0, start, count).reshape(count, -1);
}
