using LatentWorkbench.Compute;
using LatentWorkbench.Figures;
using LatentWorkbench.Metrics;
using Microsoft.Data.Analysis;
using Plotly.NET;
using TorchSharp;

namespace LatentWorkbench.Experiments.Projections;

/// <summary>The table and small multiples of a set of projections.</summary>
public static partial class ProjectionExperiment
{
    /// <summary>The quality rows of <paramref name="runs"/> as one table (<see cref="ProjectionQualityReport.ToDataFrame"/>).</summary>
    public static DataFrame Table(IEnumerable<ProjectionResult> runs, string? title = "Projection quality")
    {
        ArgumentNullException.ThrowIfNull(runs);
        return ProjectionQualityReport.ToDataFrame(runs.Select(r => r.Quality), title);
    }

    /// <summary>Small multiples: one scatter per run (titled "method · space"), coloured by <paramref name="labels"/> (integer [N]), hover showing label and index.</summary>
    /// <exception cref="ArgumentException">A run is not two-dimensional.</exception>
    public static GenericChart SmallMultiples(IReadOnlyList<ProjectionResult> runs, torch.Tensor labels, int columns, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(labels);
        if (runs.FirstOrDefault(r => r.Embedding.dim() != 2 || r.Embedding.shape[1] != 2) is { } flat)
        {
            throw new ArgumentException($"{flat.Method} · {flat.Space} has {flat.Embedding.shape[^1]} components; small multiples draw 2-D embeddings.", nameof(runs));
        }

        var parts = runs.Select(r => Charts.Embedding(r.Embedding, labels, title: $"{r.Method} · {r.Space}")).ToList();
        return Charts.Subplots(parts, columns, title);
    }
}
