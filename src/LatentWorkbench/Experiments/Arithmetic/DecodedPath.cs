using LatentWorkbench.Compute;
using TorchSharp;

namespace LatentWorkbench.Experiments.Arithmetic;

/// <summary>A decoded latent path judged by the classifier and by its distance to the training digits.</summary>
/// <remarks>
/// Every value belongs to one decoded image (or one step between two), so each is a CPU tensor with a row per image, to
/// index or compare paths with tensor ops. The summaries below are computed in C# over those values;
/// <see cref="ProbabilityOf"/> and <see cref="ProbabilityOfBestOther"/> give one series of a path as the list a line
/// chart draws.
/// </remarks>
/// <param name="Label">What the path is, e.g. <c>VAE slerp</c>.</param>
/// <param name="Images">Decoded images, [S, input].</param>
/// <param name="Probabilities">The classifier's class probabilities of each image, float64 [S, classes].</param>
/// <param name="StepDistances">‖xᵢ₊₁ − xᵢ‖ between consecutive images, float64 [S − 1].</param>
/// <param name="NearestTrainingDistances">Pixel distance of each image to its nearest training digit, float64 [S].</param>
/// <param name="NearestTrainingIndices">Row of that training digit, int64 [S].</param>
public sealed record DecodedPath(
    string Label,
    torch.Tensor Images,
    torch.Tensor Probabilities,
    torch.Tensor StepDistances,
    torch.Tensor NearestTrainingDistances,
    torch.Tensor NearestTrainingIndices)
{
    /// <summary>The smoothness number: the mean distance between consecutive decoded images.</summary>
    public double MeanStep => TensorValues.Doubles(StepDistances).Average();

    /// <summary>The classifier's lowest top-class probability along the path: where it least looks like any digit.</summary>
    public double MinConfidence => ProbabilityRows().Min(p => p.Max());

    /// <summary>The largest distance to a training digit along the path: how far it strays from the data.</summary>
    public double MaxNearestTrainingDistance => TensorValues.Doubles(NearestTrainingDistances).Max();

    /// <summary>The probability of <paramref name="label"/> at each image, in path order (S values, a line chart's series).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="label"/> is not one of the classifier's classes.</exception>
    public IReadOnlyList<double> ProbabilityOf(int label)
    {
        int c = Class(label, nameof(label));
        return [.. ProbabilityRows().Select(p => p[c])];
    }

    /// <summary>
    /// The probability of the likeliest class other than <paramref name="first"/> and <paramref name="second"/> at each
    /// image, in path order: whether some third digit takes the vote on the way from one to the other.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A class that is not one of the classifier's.</exception>
    public IReadOnlyList<double> ProbabilityOfBestOther(int first, int second)
    {
        int a = Class(first, nameof(first)), b = Class(second, nameof(second));
        return [.. ProbabilityRows().Select(p => p.Where((_, c) => c != a && c != b).Max())];
    }

    // One array of class probabilities per image, for the summaries (the same values and order the record once held).
    private double[][] ProbabilityRows() => [.. TensorValues.Doubles(Probabilities).Chunk((int)Probabilities.shape[1])];

    private int Class(int label, string parameterName)
    {
        long classes = Probabilities.shape[1];
        if (label < 0 || label >= classes)
        {
            throw new ArgumentOutOfRangeException(parameterName, label, $"The classifier has classes 0 … {classes - 1}.");
        }

        return label;
    }
}
