using LatentWorkbench.Data;
using LatentWorkbench.Latent;
using LatentWorkbench.Metrics;
using LatentWorkbench.Models.Classifiers;
using LatentWorkbench.Models.Vaes;
using TorchSharp;

namespace LatentWorkbench.Experiments.ConditionalVaes;

/// <summary>
/// What notebook 05 asks of a conditional VAE: does its code leave the label to the label input (the probe), and does
/// the label make the digit (prior and transfer accuracy, judged by the classifier)?
/// </summary>
/// <param name="ProbeAccuracy">k-NN accuracy of reading the label from μ of q(z|x, y) (<see cref="LabelProbe"/>); chance is 1/classes.</param>
/// <param name="PriorAccuracy">Share of digits decoded from z ~ N(0, I) with each label that the classifier reads as that label.</param>
/// <param name="TransferAccuracy">The same for writers' codes μ(x, y) decoded with every label (style transfer).</param>
public sealed record ConditionalVaeScores(double ProbeAccuracy, double PriorAccuracy, double TransferAccuracy)
{
    /// <summary>Neighbours in the probe's vote (as <see cref="KnnAccuracy"/>'s default).</summary>
    public const int ProbeNeighbours = 10;

    /// <summary>
    /// How much of the label the code holds: μ of q(z|x, y) for <paramref name="fitImages"/> (labelled by
    /// <paramref name="fitLabels"/>) is the reference set of a k-NN classifier that reads the labels of the codes of
    /// <paramref name="testImages"/>. A code that leaves the class to the label input scores near chance (1/classes).
    /// </summary>
    public static double LabelProbe(ConditionalVae model, torch.Tensor fitImages, torch.Tensor fitLabels, torch.Tensor testImages, torch.Tensor testLabels, int k = ProbeNeighbours)
    {
        ArgumentNullException.ThrowIfNull(model);
        var codec = LatentCodec.Of(model);
        using var fitCodes = codec.Encode(fitImages, fitLabels);
        using var testCodes = codec.Encode(testImages, testLabels);
        return KnnAccuracy.Split(fitCodes.cpu(), fitLabels.cpu(), testCodes.cpu(), testLabels.cpu(), k);
    }

    /// <summary>
    /// The three scores of <paramref name="model"/>: the probe fitted on <paramref name="probeDigits"/> training digits
    /// and tested on as many test digits; prior and transfer accuracy over <paramref name="writers"/> codes each
    /// (the first test digits' μ; prior codes drawn with <paramref name="seed"/>), every code rendered as every class.
    /// </summary>
    public static ConditionalVaeScores Measure(
        ConditionalVae model, ConvClassifier classifier, MnistSplit training, MnistSplit test, int probeDigits, int writers, long seed)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(probeDigits);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(writers);
        using var scope = torch.NewDisposeScope();
        long fit = Math.Min(probeDigits, training.Images.shape[0]), probed = Math.Min(probeDigits, test.Images.shape[0]), written = Math.Min(writers, test.Images.shape[0]);
        double probe = LabelProbe(model, training.Images.narrow(0, 0, fit), training.Labels.narrow(0, 0, fit), test.Images.narrow(0, 0, probed), test.Labels.narrow(0, 0, probed));
        var fromPrior = StyleTransfer.FromPrior(model, (int)written, seed, test.Images.device);
        var transfer = StyleTransfer.Render(model, test.Images.narrow(0, 0, written), test.Labels.narrow(0, 0, written));
        return new ConditionalVaeScores(
            probe,
            ClassifierPredictions.Accuracy(classifier, fromPrior.Images, fromPrior.Targets),
            ClassifierPredictions.Accuracy(classifier, transfer.Images, transfer.Targets));
    }
}
