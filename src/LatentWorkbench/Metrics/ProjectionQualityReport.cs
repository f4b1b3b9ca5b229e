using LatentWorkbench.Compute;
using LatentWorkbench.Reduction;
using LatentWorkbench.Tables;
using Microsoft.Data.Analysis;
using TorchSharp;

namespace LatentWorkbench.Metrics;

/// <summary>
/// The projection-quality report for any embedding of any feature source: trustworthiness and continuity (k = 10),
/// k-NN accuracy (k = 10, 5 stratified folds), silhouette of the labels, and time, one row per embedding, as a DataFrame.
/// </summary>
/// <remarks>
/// Trustworthiness and continuity compare the embedding with the space it was computed from (the input the reducer
/// saw, e.g. PCA-50 coordinates for t-SNE after PCA). Costs: two exact k-NN searches and one O(N²·D) rank pass for
/// each of T and C, O(N²) for the silhouette; about a second at 10,000 points.
/// </remarks>
public static class ProjectionQualityReport
{
    /// <summary>The report's columns, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["space", "method", "points", "seconds", "trustworthiness", "continuity", "knn_accuracy", "silhouette"];

    /// <summary>Measures one embedding.</summary>
    /// <param name="space">Name of the embedded feature space.</param>
    /// <param name="method">Name of the projection.</param>
    /// <param name="input">What the projection saw: float32 [N, D] on any device (pixels, codes, μ).</param>
    /// <param name="embedding">The embedded points, float32 [N, K].</param>
    /// <param name="labels">One class per row, integer [N] (≥ 0, at least 2 distinct).</param>
    /// <param name="seconds">The projection's wall seconds.</param>
    /// <param name="k">Neighbours for T, C and the k-NN vote.</param>
    /// <param name="folds">Folds of the k-NN accuracy.</param>
    public static ProjectionQuality Measure(string space, string method, torch.Tensor input, torch.Tensor embedding, torch.Tensor labels,
        double seconds, int k = 10, int folds = 5)
    {
        using var inputHost = TensorSpans.OnHost(input, nameof(input));
        using var embeddingHost = TensorSpans.OnHost(embedding, nameof(embedding));
        var points = Matrix.View(embeddingHost, nameof(embedding));
        return Measure(space, method, Matrix.View(inputHost, nameof(input)), points,
            InputValidation.Labels(labels, points.Rows, nameof(labels)), seconds, k, folds);
    }

    /// <inheritdoc cref="Measure(string, string, torch.Tensor, torch.Tensor, torch.Tensor, double, int, int)"/>
    internal static ProjectionQuality Measure(string space, string method, Matrix input, Matrix embedding, ReadOnlySpan<int> labels,
        double seconds, int k = 10, int folds = 5)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(method);
        var (trust, continuity) = NeighborhoodPreservation.Both(input, embedding, k);
        double knn = KnnAccuracy.CrossValidated(embedding, labels, k, folds);
        double silhouette = Silhouette.Score(embedding, labels);
        return new ProjectionQuality(space, method, embedding.Rows, seconds, trust, continuity, knn, silhouette);
    }

    /// <summary>The rows as a table with <see cref="Columns"/>.</summary>
    public static DataFrame ToDataFrame(IEnumerable<ProjectionQuality> rows, string? title = "Projection quality")
    {
        ArgumentNullException.ThrowIfNull(rows);
        return DataFrames.FromRows(Columns, rows.Select(r => new object?[]
        {
            r.Space, r.Method, r.Points, r.Seconds, r.Trustworthiness, r.Continuity, r.KnnAccuracy, r.Silhouette,
        }), title);
    }
}
