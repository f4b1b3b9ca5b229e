using LatentWorkbench.Experiments;
using LatentWorkbench.Reduction;
using LatentWorkbench.Reduction.Tsne;
using LatentWorkbench.Reduction.Umap;
using LatentWorkbench.Tests.Reduction;

namespace LatentWorkbench.Tests.Experiments;

public sealed class ProjectionComparisonTests
{
    [Fact]
    public void Every_Space_Is_Embedded_By_Both_Methods_And_Scored_Against_Itself()
    {
        var blobs = ReducerFactories.Blobs(rows: 150, cols: 6, classes: 3, seed: 1);
        byte[] labels = Enumerable.Range(0, blobs.Rows).Select(i => (byte)(i % 3)).ToArray();
        FeatureSpace[] spaces = [new("raw", blobs), new("first 3", new Matrix(Enumerable.Range(0, blobs.Rows).SelectMany(i => blobs.Row(i)[..3].ToArray()).ToArray(), blobs.Rows, 3))];

        var runs = ProjectionComparison.Run(spaces, labels, new TsneOptions { Perplexity = 10, Iterations = 250 }, new UmapOptions { Neighbors = 10, Epochs = 50 });

        Assert.Equal([("raw", "t-SNE"), ("first 3", "t-SNE"), ("raw", "UMAP"), ("first 3", "UMAP")], runs.Select(r => (r.Space, r.Method)));
        Assert.All(runs, r => Assert.Equal((150, 2), (r.Embedding.Rows, r.Embedding.Cols)));
        Assert.All(runs, r => Assert.InRange(r.Quality.Trustworthiness, 0.8, 1.0));
        Assert.Equal(4, ProjectionComparison.Table(runs).Rows.Count);
    }

    [Fact]
    public void Small_Multiples_Reject_An_Embedding_That_Is_Not_2_D()
    {
        var blobs = ReducerFactories.Blobs(rows: 60, cols: 4);
        var run = ProjectionComparison.Umap(new FeatureSpace("raw", blobs), new byte[60], new UmapOptions { Components = 3, Neighbors = 5, Epochs = 10 }, score: false);
        var error = Assert.Throws<ArgumentException>(() => ProjectionComparison.SmallMultiples([run], new byte[60], columns: 1));
        Assert.Contains("3 components", error.Message, StringComparison.Ordinal);
    }
}
