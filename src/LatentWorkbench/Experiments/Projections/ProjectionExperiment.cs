using System.Diagnostics;
using LatentWorkbench.Compute;
using LatentWorkbench.Metrics;
using LatentWorkbench.Reduction;
using LatentWorkbench.Reduction.Pca;
using LatentWorkbench.Reduction.Tsne;
using LatentWorkbench.Reduction.Umap;
using TorchSharp;

namespace LatentWorkbench.Experiments.Projections;

/// <summary>
/// The one projection recipe, shared by <c>reduce tsne|umap</c> and notebook 04: optional PCA of the points, the timed
/// t-SNE or UMAP fit, then the quality numbers <see cref="ProjectionExperimentOptions.Scoring"/> asks for, measured
/// against what the reducer saw.
/// </summary>
/// <remarks>
/// With <see cref="ProjectionExperimentOptions.PcaComponents"/> above 0, PCA is fitted on the projected points
/// themselves (the CLI's recipe); a study that fits PCA elsewhere (notebook 04 fits it on training digits and projects
/// test digits) passes the PCA coordinates as the <see cref="FeatureSpace"/> and sets 0. Either way one code path
/// computes every number, so the CLI's JSON and the notebook's table agree on the same input.
/// </remarks>
public static partial class ProjectionExperiment
{
    /// <summary>Projects <paramref name="space"/> as <paramref name="options"/> say and scores the points with <paramref name="labels"/>.</summary>
    /// <param name="space">The features, float32 [N, D] on any device.</param>
    /// <param name="labels">One class per example, integer [N] (int64 as <c>MnistSplit.Labels</c>).</param>
    /// <param name="options">Method, preprocessing, hyperparameters, scoring (null: <see cref="ProjectionExperimentOptions.TsneDefaults"/>).</param>
    /// <param name="tsneCallback">Called as t-SNE optimises (progress, early stop).</param>
    /// <param name="umapCallback">Called as UMAP runs (stages, layout epochs; may stop the layout).</param>
    public static ProjectionResult Run(
        FeatureSpace space, torch.Tensor labels, ProjectionExperimentOptions? options = null, TsneCallback? tsneCallback = null, UmapCallback? umapCallback = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        options ??= ProjectionExperimentOptions.TsneDefaults;
        options.Validate();
        using var host = TensorSpans.OnHost(space.Features, nameof(space));
        var features = Matrix.View(host, nameof(space));
        int[] classes = InputValidation.Labels(labels, features.Rows, nameof(labels));

        var input = features;
        double pcaSeconds = 0;
        if (options.PcaComponents > 0)
        {
            var pcaWatch = Stopwatch.StartNew();
            input = new PcaReducer(new PcaOptions { Components = options.PcaComponents }).Fit(features).Transform(features);
            pcaSeconds = pcaWatch.Elapsed.TotalSeconds;
        }

        TsneEmbedding? tsne = null;
        UmapEmbedding? umap = null;
        var watch = Stopwatch.StartNew();
        if (options.Method == ProjectionMethod.Umap)
        {
            umap = new UmapReducer(options.Umap).Fit(input, umapCallback);
        }
        else
        {
            tsne = new TsneReducer(options.Tsne).Fit(input, tsneCallback);
        }

        double seconds = watch.Elapsed.TotalSeconds;
        var points = tsne?.ToMatrix() ?? umap!.ToMatrix();
        var quality = Score(space.Name, options, input, points, classes, seconds);
        var inputTensor = ReferenceEquals(input, features) ? space.Features : input.ToTensor();
        return new ProjectionResult(points.ToTensor(), inputTensor, pcaSeconds, quality, tsne, umap);
    }

    /// <summary>
    /// Every space by <paramref name="tsne"/>, then every space by <paramref name="umap"/> (notebook 04's comparison);
    /// <paramref name="progress"/> hears each run's name before it starts.
    /// </summary>
    public static IReadOnlyList<ProjectionResult> Compare(
        IReadOnlyList<FeatureSpace> spaces, torch.Tensor labels, ProjectionExperimentOptions tsne, ProjectionExperimentOptions umap, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(spaces);
        ArgumentNullException.ThrowIfNull(tsne);
        ArgumentNullException.ThrowIfNull(umap);
        var runs = new List<ProjectionResult>();
        foreach (var options in new[] { tsne, umap })
        {
            foreach (var space in spaces)
            {
                progress?.Invoke($"{options.MethodName} of {space.Name}");
                runs.Add(Run(space, labels, options));
            }
        }

        return runs;
    }

    private static ProjectionQuality Score(string space, ProjectionExperimentOptions options, Matrix input, Matrix points, int[] labels, double seconds)
    {
        int k = options.QualityNeighbors, folds = options.KnnFolds;
        string method = options.MethodName;
        return options.Scoring switch
        {
            ProjectionScoring.Full => ProjectionQualityReport.Measure(space, method, input, points, labels, seconds, k, folds),
            ProjectionScoring.TrustworthinessAndKnn => new ProjectionQuality(space, method, points.Rows, seconds,
                NeighborhoodPreservation.Trustworthiness(input, points, k), double.NaN, KnnAccuracy.CrossValidated(points, labels, k, folds), double.NaN),
            _ => new ProjectionQuality(space, method, points.Rows, seconds, double.NaN, double.NaN, KnnAccuracy.CrossValidated(points, labels, k, folds), double.NaN),
        };
    }
}
