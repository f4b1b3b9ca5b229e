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
        var realFeatures = torch.cat([.. Batches(real, batchSize).Select(classifier.Features)], 0);
        var reports = new List<(string, DiversityReport)>(sets.Count);
        foreach (var (name, samples) in sets)
        {
            var labels = new List<int>();
            var features = new List<torch.Tensor>();
            int classes = 0;
            foreach (var batch in Batches(samples, batchSize))
            {
                var logits = classifier.Logits(batch);
                classes = (int)logits.shape[1];
                labels.AddRange(logits.argmax(1).to(torch.int32).cpu().data<int>().ToArray());
                features.Add(classifier.Features(batch));
            }

            reports.Add((name, new DiversityReport(new ClassHistogram(labels, classes), FrechetDistance.FromFeatures(torch.cat(features, 0), realFeatures))));
        }

        return reports;
    }

    private static IEnumerable<torch.Tensor> Batches(torch.Tensor data, int batchSize)
    {
        long n = data.shape[0];
        for (long start = 0; start < n; start += batchSize)
        {
            yield return data.narrow(0, start, Math.Min(batchSize, n - start)).reshape(Math.Min(batchSize, n - start), -1);
        }
    }
}
