using LatentWorkbench.Reduction.Tsne;
using LatentWorkbench.Reduction.Umap;
using LatentWorkbench.Tests.Reduction;
using LatentWorkbench.Tests.TestUtilities;
using TorchSharp;
using LatentWorkbench.Experiments.Projections;

namespace LatentWorkbench.Tests.Experiments.Projections;

[Collection(MnistCollection.Name)]
public sealed class ProjectionExperimentTests(MnistFixture mnist)
{
    private static readonly ProjectionExperimentOptions QuickUmap = ProjectionExperimentOptions.UmapDefaults with
    {
        Umap = ProjectionExperimentOptions.UmapDefaults.Umap with { Epochs = 100 },
    };

    [Fact]
    public void The_Tsne_Recipe_Reduces_Embeds_And_Scores_Like_The_Cli()
    {
        var test = mnist.Data.Test.Take(400);
        var options = ProjectionExperimentOptions.TsneDefaults with
        {
            PcaComponents = 20,
            Tsne = ProjectionExperimentOptions.TsneDefaults.Tsne with { Iterations = 400, Perplexity = 20 },
        };
        var result = ProjectionExperiment.Run(new FeatureSpace("pixels", test.Images), test.Labels, options);
        Assert.Equal([400L, 20L], result.Input.shape);
        Assert.Equal([400L, 2L], result.Embedding.shape);
        Assert.Equal(torch.float32, result.Embedding.dtype);
        Assert.NotNull(result.Tsne);
        Assert.Null(result.Umap);
        Assert.InRange(result.Trustworthiness, 0.85, 1.0);
        Assert.InRange(result.KnnAccuracy, 0.7, 1.0);
        Assert.True(double.IsNaN(result.Quality.Continuity) && double.IsNaN(result.Quality.Silhouette));
        Assert.True(result.PcaSeconds > 0 && result.Seconds > 0);
    }

    [Fact]
    public void The_Umap_Recipe_Embeds_The_Features_As_Given_By_Default()
    {
        var test = mnist.Data.Test.Take(500);
        var result = ProjectionExperiment.Run(new FeatureSpace("pixels", test.Images), test.Labels, QuickUmap);
        Assert.Same(test.Images, result.Input);
        Assert.Equal((500, 2), (result.Umap!.Count, result.Umap.Dimensions));
        Assert.Equal("UMAP", result.Method);
        Assert.InRange(result.Trustworthiness, 0.85, 1.0);
        Assert.InRange(result.KnnAccuracy, 0.7, 1.0);
        Assert.Equal(0, result.PcaSeconds);
    }

    [Fact]
    public void A_Float64_Non_Contiguous_Source_Gives_The_Same_Embedding_As_Its_Contiguous_Float32_Copy()
    {
        var test = mnist.Data.Test.Take(300);
        var options = QuickUmap with { PcaComponents = 20 };
        using var wide = test.Images.to(torch.float64);
        using var columnMajor = wide.t().contiguous();
        using var transposedTwice = columnMajor.t();
        Assert.False(transposedTwice.is_contiguous());
        var fromView = ProjectionExperiment.Run(new FeatureSpace("pixels", test.Images), test.Labels, options);
        var fromCopy = ProjectionExperiment.Run(new FeatureSpace("pixels", transposedTwice), test.Labels.to(torch.int32), options);
        Assert.Equal(fromView.Embedding.data<float>().ToArray(), fromCopy.Embedding.data<float>().ToArray());
        Assert.Equal(fromView.KnnAccuracy, fromCopy.KnnAccuracy);
    }

    [Fact]
    public void Compare_Embeds_Every_Space_By_Both_Methods_And_Scores_Each_Against_Itself()
    {
        using var blobs = ReducerFactories.Blobs(rows: 150, cols: 6, classes: 3, seed: 1).ToTensor();
        using var labels = torch.arange(150, dtype: torch.int64) % 3;
        using var first3 = blobs.narrow(1, 0, 3);
        FeatureSpace[] spaces = [new("raw", blobs), new("first 3", first3)];
        var tsne = new ProjectionExperimentOptions { Method = ProjectionMethod.Tsne, Scoring = ProjectionScoring.Full, Tsne = new TsneOptions { Perplexity = 10, Iterations = 250 } };
        var umap = new ProjectionExperimentOptions { Method = ProjectionMethod.Umap, Scoring = ProjectionScoring.Full, Umap = new UmapOptions { Neighbors = 10, Epochs = 50 } };
        var runs = ProjectionExperiment.Compare(spaces, labels, tsne, umap);
        Assert.Equal([("raw", "t-SNE"), ("first 3", "t-SNE"), ("raw", "UMAP"), ("first 3", "UMAP")], runs.Select(r => (r.Space, r.Method)));
        Assert.All(runs, r => Assert.Equal([150L, 2L], r.Embedding.shape));
        Assert.All(runs, r => Assert.InRange(r.Quality.Trustworthiness, 0.8, 1.0));
        Assert.All(runs, r => Assert.False(double.IsNaN(r.Quality.Silhouette)));
        Assert.Equal(4, ProjectionExperiment.Table(runs).Rows.Count);
    }

    [Fact]
    public void Knn_Only_Scoring_Leaves_The_Neighbourhood_Scores_Unmeasured()
    {
        using var blobs = ReducerFactories.Blobs(rows: 60, cols: 4).ToTensor();
        using var labels = torch.arange(60, dtype: torch.int64) % 3;
        var run = ProjectionExperiment.Run(new FeatureSpace("raw", blobs), labels,
            new ProjectionExperimentOptions { Method = ProjectionMethod.Umap, Scoring = ProjectionScoring.KnnOnly, Label = "UMAP k=5", Umap = new UmapOptions { Neighbors = 5, Epochs = 10 } });
        Assert.Equal("UMAP k=5", run.Method);
        Assert.True(double.IsNaN(run.Trustworthiness));
        Assert.InRange(run.KnnAccuracy, 0, 1);
    }

    [Fact]
    public void Small_Multiples_Reject_An_Embedding_That_Is_Not_2_D()
    {
        using var blobs = ReducerFactories.Blobs(rows: 60, cols: 4).ToTensor();
        using var labels = torch.zeros(60, dtype: torch.int64);
        var run = ProjectionExperiment.Run(new FeatureSpace("raw", blobs), labels,
            QuickUmap with { Scoring = ProjectionScoring.KnnOnly, KnnFolds = 2, Umap = new UmapOptions { Components = 3, Neighbors = 5, Epochs = 10 } });
        var error = Assert.Throws<ArgumentException>(() => ProjectionExperiment.SmallMultiples([run], labels, columns: 1));
        Assert.Contains("3 components", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_Options_Name_The_Field()
    {
        using var points = torch.zeros(10, 2);
        using var labels = torch.zeros(10, dtype: torch.int64);
        var space = new FeatureSpace("zeros", points);
        Assert.Equal("KnnFolds", Assert.Throws<ArgumentOutOfRangeException>(
            () => ProjectionExperiment.Run(space, labels, ProjectionExperimentOptions.TsneDefaults with { KnnFolds = 1 })).ParamName);
        Assert.Equal("QualityNeighbors", Assert.Throws<ArgumentOutOfRangeException>(
            () => ProjectionExperiment.Run(space, labels, QuickUmap with { QualityNeighbors = 0 })).ParamName);
    }
}
