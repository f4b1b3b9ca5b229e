using LatentWorkbench.Latent;
using LatentWorkbench.Models.Classifiers;
using LatentWorkbench.Reporting;
using TorchSharp;

namespace LatentWorkbench.Experiments.Arithmetic;

/// <summary>
/// Notebook 05's inpainting comparison over seeds: for each seed's models, test digits (drawn with that seed) with a
/// region hidden, filled by nothing (hidden pixels 0), by the mean training image, and by each model's
/// <see cref="Inpainting.Fill"/> started from the mean image; judged by the classifier and by the error on the hidden pixels.
/// </summary>
public static class InpaintingComparison
{
    /// <summary>The row of the masked input itself: hidden pixels black (0).</summary>
    public const string MaskedRow = "masked (hidden = 0)";

    /// <summary>The baseline row: hidden pixels taken from the mean training image.</summary>
    public const string MeanFillRow = "mean-image fill";

    /// <summary>The metric of the share of filled digits the classifier reads as their true label.</summary>
    public const string ReadAsLabel = "read as its label";

    /// <summary>The metric of the mean squared error over the hidden pixels (<see cref="Inpainting.HiddenPixelError"/>; lower: closer to the truth).</summary>
    public const string HiddenError = "hidden-pixel error";

    /// <summary>A model's row: "<c>AE</c> inpainting".</summary>
    public static string RowName(LatentCodec codec)
    {
        ArgumentNullException.ThrowIfNull(codec);
        return $"{codec.Name} inpainting";
    }

    /// <summary>
    /// <paramref name="count"/> test digits drawn with <paramref name="seed"/> (without replacement), their indices ascending.
    /// </summary>
    public static torch.Tensor DrawDigits(long available, int count, long seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        using var generator = new torch.Generator((ulong)seed);
        var take = (int)Math.Min(count, available);
        return torch.randperm(available, generator: generator).narrow(0, 0, take).sort().Values;
    }

    /// <summary>
    /// Rows <see cref="MaskedRow"/>, <see cref="MeanFillRow"/> and one per model (<see cref="RowName"/>), the two metrics
    /// as mean ± s.d. over the seeds of <paramref name="models"/>.
    /// </summary>
    /// <param name="models">Each seed's models.</param>
    /// <param name="testImages">The images digits are drawn from, [N, input].</param>
    /// <param name="testLabels">Their labels, [N].</param>
    /// <param name="count">Digits per seed.</param>
    /// <param name="mask">1 observed, 0 hidden, [input].</param>
    /// <param name="meanImage">The mean training image, [input]: the baseline fill and the iteration's start.</param>
    /// <param name="iterations">Encode–decode passes of <see cref="Inpainting.Fill"/>.</param>
    /// <param name="classifier">The judge.</param>
    public static SeedTable OverSeeds(
        IEnumerable<LatentArithmeticModels> models, torch.Tensor testImages, torch.Tensor testLabels, int count,
        torch.Tensor mask, torch.Tensor meanImage, int iterations, ConvClassifier classifier)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(testImages);
        ArgumentNullException.ThrowIfNull(testLabels);
        var table = new SeedTable("fill");
        foreach (var seedModels in models)
        {
            using var scope = torch.NewDisposeScope();
            var drawn = DrawDigits(testImages.shape[0], count, seedModels.Seed).to(testImages.device);
            var truth = testImages.index_select(0, drawn);
            var labels = testLabels.index_select(0, drawn);
            var fills = new List<(string Row, torch.Tensor Images)>
            {
                (MaskedRow, Inpainting.Compose(truth, mask, torch.zeros_like(meanImage))),
                (MeanFillRow, Inpainting.Compose(truth, mask, meanImage)),
            };
            fills.AddRange(seedModels.Codecs.Select(c => (RowName(c), Inpainting.Fill(c, truth, mask, meanImage, iterations))));
            foreach (var (row, images) in fills)
            {
                table.Add(row, seedModels.Seed, ReadAsLabel, ClassifierPredictions.Accuracy(classifier, images, labels))
                    .Add(row, seedModels.Seed, HiddenError, Inpainting.HiddenPixelError(images, truth, mask).mean().item<double>());
            }
        }

        return table;
    }
}
