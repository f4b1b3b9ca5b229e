using LatentWorkbench.Compute;
using LatentWorkbench.Experiments.Projections;
using LatentWorkbench.Metrics;
using LatentWorkbench.Reduction.Tsne;
using LatentWorkbench.Reduction.Umap;
using TorchSharp;

namespace LatentWorkbench.Tests.Experiments.Projections;

public sealed class ProjectionSweepTests
{
    public ProjectionSweepTests() => TorchRuntime.EnsureInitialized();

    private static (FeatureSpace Space, torch.Tensor Labels) Blobs(int perClass = 30)
    {
        using var generator = new torch.Generator(5);
        var labels = torch.arange(3, dtype: torch.int64).repeat_interleave(perClass);
        var features = torch.randn([3 * perClass, 6], generator: generator) + (labels.to(torch.float32).unsqueeze(1) * 6);
        return (new FeatureSpace("blobs", features), labels);
    }

    private static readonly ProjectionExperimentOptions Tsne = new()
    {
        Method = ProjectionMethod.Tsne,
        Scoring = ProjectionScoring.KnnOnly,
        Tsne = new TsneOptions { Perplexity = 10, Iterations = 250, EarlyExaggerationIterations = 100 },
    };

    private static readonly ProjectionExperimentOptions Umap = new()
    {
        Method = ProjectionMethod.Umap,
        Scoring = ProjectionScoring.KnnOnly,
        Umap = new UmapOptions { Neighbors = 5, MinDist = 0.1, Epochs = 30 },
    };

    [Fact]
    public void The_Perplexity_Sweep_Reuses_The_Comparisons_Map_At_Its_Own_Perplexity_And_Computes_The_Others()
    {
        var (space, labels) = Blobs();
        var comparison = ProjectionExperiment.Run(space, labels, Tsne);
        var sweep = ProjectionExperiment.SweepPerplexity(space, labels, Tsne, [5, 10], [comparison]);
        Assert.Equal(["t-SNE perplexity 5", "t-SNE perplexity 10"], sweep.Select(r => r.Method));
        Assert.Same(comparison.Embedding, sweep[1].Embedding);
        Assert.NotSame(comparison.Embedding, sweep[0].Embedding);
        Assert.Equal(5, sweep[0].Tsne!.Options.Perplexity);

        var fresh = ProjectionExperiment.SweepPerplexity(space, labels, Tsne, [10]);
        Assert.NotSame(comparison.Embedding, fresh[0].Embedding);
    }

    [Fact]
    public void The_Umap_Sweep_Runs_Every_Neighbors_By_MinDist_Pair_Reusing_Only_The_Comparisons_Setting()
    {
        var (space, labels) = Blobs();
        var comparison = ProjectionExperiment.Run(space, labels, Umap);
        var otherSpace = ProjectionExperiment.Run(space with { Name = "other" }, labels, Umap);
        var sweep = ProjectionExperiment.SweepUmap(space, labels, Umap, [5, 8], [0.0, 0.1], [otherSpace, comparison]);
        Assert.Equal(["UMAP k=5 min_dist=0", "UMAP k=5 min_dist=0.1", "UMAP k=8 min_dist=0", "UMAP k=8 min_dist=0.1"], sweep.Select(r => r.Method));
        Assert.Same(comparison.Embedding, sweep[1].Embedding);
        Assert.Equal(1, sweep.Count(r => ReferenceEquals(r.Embedding, comparison.Embedding) || ReferenceEquals(r.Embedding, otherSpace.Embedding)));
    }

    [Fact]
    public void Over_Seeds_Gives_One_Row_Per_Space_And_Method_With_The_Spread_Of_Each_Score()
    {
        static ProjectionResult Fake(string space, string method, double knn) =>
            new(torch.zeros(2, 2), torch.zeros(2, 2), 0, new ProjectionQuality(space, method, 2, 1, 0.9, 0.8, knn, 0.3), null, null);
        var table = ProjectionExperiment.OverSeeds(
        [
            (0L, [Fake("pixels", "t-SNE", 0.90), Fake("pixels", "UMAP", 0.80)]),
            (1L, [Fake("pixels", "t-SNE", 0.94), Fake("pixels", "UMAP", 0.80)]),
        ]);
        Assert.Equal(["pixels · t-SNE", "pixels · UMAP"], table.Rows);
        Assert.Equal(["trustworthiness", "continuity", "k-NN accuracy", "silhouette"], table.Metrics);
        Assert.Equal(0.92, table["pixels · t-SNE", "k-NN accuracy"].Mean, 12);
        Assert.Equal(2, table["pixels · t-SNE", "k-NN accuracy"].Count);
        Assert.Equal(0, table["pixels · UMAP", "k-NN accuracy"].StandardDeviation, 12);
    }
}
