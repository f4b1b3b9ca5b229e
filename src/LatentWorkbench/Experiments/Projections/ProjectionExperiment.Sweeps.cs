using TorchSharp;

namespace LatentWorkbench.Experiments.Projections;

/// <summary>The hyperparameter sweeps of notebook 04 and the comparison over seeds.</summary>
public static partial class ProjectionExperiment
{
    /// <summary>
    /// t-SNE of <paramref name="space"/> at each perplexity (labelled "t-SNE perplexity p"); a run in
    /// <paramref name="done"/> of the same space with <paramref name="tsne"/> as it is (the comparison's map) is reused
    /// at its own perplexity instead of being computed again.
    /// </summary>
    public static IReadOnlyList<ProjectionResult> SweepPerplexity(
        FeatureSpace space, torch.Tensor labels, ProjectionExperimentOptions tsne, IReadOnlyList<double> perplexities, IEnumerable<ProjectionResult>? done = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(tsne);
        ArgumentNullException.ThrowIfNull(perplexities);
        var reusable = Reusable(done, space, tsne);
        return [.. perplexities.Select(p =>
        {
            string label = $"t-SNE perplexity {p}";
            return reusable is not null && p == tsne.Tsne.Perplexity
                ? Relabelled(reusable, label)
                : Run(space, labels, tsne with { Tsne = tsne.Tsne with { Perplexity = p }, Label = label });
        })];
    }

    /// <summary>
    /// UMAP of <paramref name="space"/> for every n_neighbors (outer) × min_dist (inner), labelled "UMAP k=… min_dist=…";
    /// the comparison's map in <paramref name="done"/> is reused at its own setting.
    /// </summary>
    public static IReadOnlyList<ProjectionResult> SweepUmap(
        FeatureSpace space, torch.Tensor labels, ProjectionExperimentOptions umap, IReadOnlyList<int> neighborCounts, IReadOnlyList<double> minDists, IEnumerable<ProjectionResult>? done = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(umap);
        ArgumentNullException.ThrowIfNull(neighborCounts);
        ArgumentNullException.ThrowIfNull(minDists);
        var reusable = Reusable(done, space, umap);
        return [.. neighborCounts.SelectMany(k => minDists.Select(minDist =>
        {
            string label = $"UMAP k={k} min_dist={minDist}";
            return reusable is not null && k == umap.Umap.Neighbors && minDist == umap.Umap.MinDist
                ? Relabelled(reusable, label)
                : Run(space, labels, umap with { Umap = umap.Umap with { Neighbors = k, MinDist = minDist }, Label = label });
        }))];
    }

    // The run of this space by exactly these options (same method name, so same hyperparameters in a comparison).
    private static ProjectionResult? Reusable(IEnumerable<ProjectionResult>? done, FeatureSpace space, ProjectionExperimentOptions options) =>
        done?.FirstOrDefault(r => r.Space == space.Name && r.Method == options.MethodName && r.Input.shape[0] == space.Features.shape[0]);

    private static ProjectionResult Relabelled(ProjectionResult run, string label) => run with { Quality = run.Quality with { Method = label } };
}
