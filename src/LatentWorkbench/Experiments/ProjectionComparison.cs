using System.Diagnostics;
using LatentWorkbench.Figures;
using LatentWorkbench.Metrics;
using LatentWorkbench.Reduction;
using LatentWorkbench.Reduction.Tsne;
using LatentWorkbench.Reduction.Umap;
using Plotly.NET;

namespace LatentWorkbench.Experiments;

/// <summary>
/// Notebook 04's recipe: the same examples embedded from several feature spaces by t-SNE and by UMAP, each
/// scored by <see cref="ProjectionQualityReport"/> against the space it was computed from, and shown as small multiples.
/// </summary>
/// <remarks>Each space is embedded as it is (no PCA step in between), so "pixels" and "PCA-50" stay different inputs.</remarks>
public static class ProjectionComparison
{
    /// <summary>t-SNE of one feature space, timed and scored.</summary>
    public static ProjectionRun Tsne(FeatureSpace space, byte[] labels, TsneOptions options, string method = "t-SNE", bool score = true)
    {
        ArgumentNullException.ThrowIfNull(space);
        var watch = Stopwatch.StartNew();
        var points = new TsneReducer(options).Fit(space.Features).ToMatrix();
        return Scored(space, method, points, labels, watch.Elapsed.TotalSeconds, score);
    }

    /// <summary>UMAP of one feature space, timed and scored.</summary>
    public static ProjectionRun Umap(FeatureSpace space, byte[] labels, UmapOptions options, string method = "UMAP", bool score = true)
    {
        ArgumentNullException.ThrowIfNull(space);
        var watch = Stopwatch.StartNew();
        var points = new UmapReducer(options).Fit(space.Features).ToMatrix();
        return Scored(space, method, points, labels, watch.Elapsed.TotalSeconds, score);
    }

    /// <summary>Every space by t-SNE, then every space by UMAP; <paramref name="progress"/> hears each run's name before it starts.</summary>
    public static IReadOnlyList<ProjectionRun> Run(IReadOnlyList<FeatureSpace> spaces, byte[] labels, TsneOptions tsne, UmapOptions umap, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(spaces);
        var runs = new List<ProjectionRun>();
        foreach (var space in spaces)
        {
            progress?.Invoke($"t-SNE of {space.Name}");
            runs.Add(Tsne(space, labels, tsne));
        }

        foreach (var space in spaces)
        {
            progress?.Invoke($"UMAP of {space.Name}");
            runs.Add(Umap(space, labels, umap));
        }

        return runs;
    }

    /// <summary>The quality rows of <paramref name="runs"/> as one table.</summary>
    public static Microsoft.Data.Analysis.DataFrame Table(IEnumerable<ProjectionRun> runs, string? title = "Projection quality") =>
        ProjectionQualityReport.ToDataFrame(runs.Select(r => r.Quality), title);

    /// <summary>Small multiples: one scatter per run (titled "method · space"), coloured by digit, hover showing label and index.</summary>
    public static GenericChart SmallMultiples(IReadOnlyList<ProjectionRun> runs, byte[] labels, int columns, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.FirstOrDefault(r => r.Embedding.Cols != 2) is { } flat)
        {
            throw new ArgumentException($"{flat.Method} · {flat.Space} has {flat.Embedding.Cols} components; small multiples draw 2-D embeddings.", nameof(runs));
        }

        var parts = runs.Select(r => Charts.Embedding(r.Embedding.Data, labels, title: $"{r.Method} · {r.Space}")).ToList();
        return Charts.Subplots(parts, columns, title);
    }

    private static ProjectionRun Scored(FeatureSpace space, string method, Matrix points, byte[] labels, double seconds, bool score)
    {
        var quality = score
            ? ProjectionQualityReport.Measure(space.Name, method, space.Features, points, labels, seconds)
            : new ProjectionQuality(space.Name, method, points.Rows, seconds, double.NaN, double.NaN,
                KnnAccuracy.CrossValidated(points, labels), double.NaN);
        return new ProjectionRun(space.Name, method, points, quality);
    }
}
