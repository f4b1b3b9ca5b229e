using LatentWorkbench.Reporting;

namespace LatentWorkbench.Experiments.Projections;

/// <summary>Notebook 04's comparison over seeds.</summary>
public static partial class ProjectionExperiment
{
    /// <summary>The name of a row of <see cref="OverSeeds"/>: "PCA-50 · t-SNE".</summary>
    public static string RowName(ProjectionResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return $"{run.Space} · {run.Method}";
    }

    /// <summary>
    /// One row per method and space (<see cref="RowName"/>), one column per score (trustworthiness, continuity, k-NN
    /// accuracy, silhouette), each cell the mean ± s.d. over the seeds' runs.
    /// </summary>
    /// <param name="runsBySeed">Each seed with its runs (e.g. <see cref="Compare"/>'s).</param>
    public static SeedTable OverSeeds(IEnumerable<(long Seed, IReadOnlyList<ProjectionResult> Runs)> runsBySeed)
    {
        ArgumentNullException.ThrowIfNull(runsBySeed);
        var table = new SeedTable("map");
        foreach (var (seed, runs) in runsBySeed)
        {
            foreach (var run in runs)
            {
                string row = RowName(run);
                table.Add(row, seed, "trustworthiness", run.Quality.Trustworthiness)
                    .Add(row, seed, "continuity", run.Quality.Continuity)
                    .Add(row, seed, "k-NN accuracy", run.Quality.KnnAccuracy)
                    .Add(row, seed, "silhouette", run.Quality.Silhouette);
            }
        }

        return table;
    }
}
