using TorchSharp;

namespace LatentWorkbench.Experiments.Arithmetic;

/// <summary>A decoded latent path judged by the classifier and by its distance to the training digits.</summary>
/// <param name="Label">What the path is, e.g. <c>VAE slerp</c>.</param>
/// <param name="Images">Decoded images, [S, input].</param>
/// <param name="Probabilities">The classifier's class probabilities of each image, [S][classes].</param>
/// <param name="StepDistances">‖xᵢ₊₁ − xᵢ‖ between consecutive images, [S − 1].</param>
/// <param name="NearestTrainingDistances">Pixel distance of each image to its nearest training digit, [S].</param>
/// <param name="NearestTrainingIndices">Row of that training digit, [S].</param>
public sealed record DecodedPath(
    string Label,
    torch.Tensor Images,
    double[][] Probabilities,
    double[] StepDistances,
    double[] NearestTrainingDistances,
    long[] NearestTrainingIndices)
{
    /// <summary>The smoothness number: the mean distance between consecutive decoded images.</summary>
    public double MeanStep => StepDistances.Average();

    /// <summary>The classifier's lowest top-class probability along the path: where it least looks like any digit.</summary>
    public double MinConfidence => Probabilities.Min(p => p.Max());

    /// <summary>The largest distance to a training digit along the path: how far it strays from the data.</summary>
    public double MaxNearestTrainingDistance => NearestTrainingDistances.Max();

    /// <summary>The probability of <paramref name="label"/> at each step.</summary>
    public IReadOnlyList<double> ProbabilityOf(int label) => [.. Probabilities.Select(p => p[label])];
}
