using LatentWorkbench.Latent;
using LatentWorkbench.Models.Classifiers;
using LatentWorkbench.Reporting;
using TorchSharp;

namespace LatentWorkbench.Experiments.Arithmetic;

/// <summary>
/// Notebook 05's lerp-against-slerp comparison over seeds: for each seed's models, the same number of pairs of test
/// digits (drawn with that seed) walked by every model and method, each path's numbers averaged over the pairs.
/// </summary>
public static class InterpolationComparison
{
    /// <summary>The metric of the mean distance between consecutive decoded images (<see cref="DecodedPath.MeanStep"/>; lower: smoother).</summary>
    public const string MeanStep = "mean step";

    /// <summary>The metric of the classifier's lowest top probability along a path (<see cref="DecodedPath.MinConfidence"/>; higher: more digit-like).</summary>
    public const string LowestConfidence = "lowest confidence";

    /// <summary>The metric of the largest distance to a training digit along a path (<see cref="DecodedPath.MaxNearestTrainingDistance"/>).</summary>
    public const string FarthestFromTraining = "farthest from training";

    /// <summary>The methods compared, in row order.</summary>
    public static IReadOnlyList<InterpolationMethod> Methods { get; } = [InterpolationMethod.Lerp, InterpolationMethod.Slerp];

    /// <summary>A row's name: the codec's and the method's, e.g. <c>VAE slerp</c> (as <see cref="DecodedPath.Label"/>).</summary>
    public static string RowName(LatentCodec codec, InterpolationMethod method)
    {
        ArgumentNullException.ThrowIfNull(codec);
        return $"{codec.Name} {method.ToString().ToLowerInvariant()}";
    }

    /// <summary>
    /// One row per model and method (<see cref="RowName"/>), the three metrics as mean ± s.d. over the seeds of
    /// <paramref name="models"/>; each seed's value is the mean over <paramref name="pairs"/> pairs drawn with that seed.
    /// </summary>
    /// <param name="models">Each seed's models.</param>
    /// <param name="testImages">The images pairs are drawn from, [N, input].</param>
    /// <param name="testLabels">Their labels, [N] (a pair's two digits differ).</param>
    /// <param name="pairs">Pairs per seed.</param>
    /// <param name="steps">Images per path, both ends included.</param>
    /// <param name="classifier">The judge.</param>
    /// <param name="training">The training images the nearest neighbours come from, [M, input].</param>
    public static SeedTable OverSeeds(
        IEnumerable<LatentArithmeticModels> models, torch.Tensor testImages, torch.Tensor testLabels, int pairs, int steps, ConvClassifier classifier, torch.Tensor training)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(testImages);
        var table = new SeedTable("path");
        foreach (var seedModels in models)
        {
            var drawn = LatentArithmeticExperiment.PairsOfDifferentDigits(testLabels, pairs, seedModels.Seed);
            foreach (var codec in seedModels.Codecs)
            {
                foreach (var method in Methods)
                {
                    // The paths' images and judgements are only averaged here: free them with the scope.
                    using var scope = torch.NewDisposeScope();
                    var paths = LatentArithmeticExperiment.Interpolate(codec, [.. drawn.Select(p => (testImages[p.A], testImages[p.B]))], method, steps, classifier, training);
                    string row = RowName(codec, method);
                    table.Add(row, seedModels.Seed, MeanStep, paths.Average(p => p.MeanStep))
                        .Add(row, seedModels.Seed, LowestConfidence, paths.Average(p => p.MinConfidence))
                        .Add(row, seedModels.Seed, FarthestFromTraining, paths.Average(p => p.MaxNearestTrainingDistance));
                }
            }
        }

        return table;
    }
}
