using LatentWorkbench.Kernels;
using LatentWorkbench.Metrics;
using LatentWorkbench.Reduction;
using LatentWorkbench.Reduction.Umap;

namespace LatentWorkbench.Tests.Reduction;

public sealed class UmapReducerTests
{
    private static readonly UmapOptions Small = new() { Neighbors = 10, Epochs = 100 };

    [Fact]
    public void Same_Seed_Gives_Bit_Identical_Layouts_For_Any_Thread_Count()
    {
        var data = ReducerFactories.Blobs(rows: 1500, cols: 8, classes: 5, seed: 4);
        int saved = ComputeThreads.Count;
        try
        {
            ComputeThreads.Count = 1;
            var serial = new UmapReducer(Small).Fit(data).ToMatrix();
            ComputeThreads.Count = 4;
            var parallel = new UmapReducer(Small).Fit(data).ToMatrix();
            var again = new UmapReducer(Small).Fit(data).ToMatrix();
            Assert.Equal(serial.Data, parallel.Data);
            Assert.Equal(parallel.Data, again.Data);
        }
        finally
        {
            ComputeThreads.Count = saved;
        }
    }

    [Fact]
    public void Different_Seeds_Give_Different_Layouts()
    {
        var data = ReducerFactories.Blobs(rows: 300, cols: 8, classes: 3, seed: 4);
        var first = new UmapReducer(Small).Fit(data).ToMatrix();
        var second = new UmapReducer(Small with { Seed = 1 }).Fit(data).ToMatrix();
        Assert.NotEqual(first.Data, second.Data);
    }

    [Fact]
    public void Well_Separated_Clusters_Stay_Apart()
    {
        var data = ReducerFactories.Blobs(rows: 600, cols: 10, classes: 4, seed: 7);
        int[] labels = Enumerable.Range(0, data.Rows).Select(i => i % 4).ToArray();
        var embedding = new UmapReducer(Small).Fit(data);
        var points = embedding.ToMatrix();
        Assert.Equal(UmapInitialization.Spectral, embedding.Initialization);
        Assert.True(NeighborhoodPreservation.Trustworthiness(data, points, 10) > 0.9);
        Assert.Equal(1.0, KnnAccuracy.CrossValidated(points, labels, 10, 5));
        Assert.True(Silhouette.Score(points, labels) > 0.8, "clusters should be tight and far apart");
    }

    [Fact]
    public void Cosine_Metric_Separates_Directions_Whatever_The_Lengths()
    {
        var data = FuzzySimplicialSetTests.Rays(rows: 450, cols: 6, seed: 9);
        int[] labels = Enumerable.Range(0, data.Rows).Select(i => i % 3).ToArray();
        var cosine = new UmapReducer(Small with { Metric = UmapMetric.Cosine }).Fit(data).ToMatrix();
        var euclidean = new UmapReducer(Small).Fit(data).ToMatrix();
        double cosineSilhouette = Silhouette.Score(cosine, labels), euclideanSilhouette = Silhouette.Score(euclidean, labels);
        Assert.True(cosineSilhouette > 0.7, $"cosine silhouette {cosineSilhouette}");
        Assert.True(cosineSilhouette > euclideanSilhouette + 0.1, $"cosine {cosineSilhouette} vs euclidean {euclideanSilhouette}");
    }

    [Theory]
    [InlineData(nameof(UmapOptions.Neighbors))]
    [InlineData(nameof(UmapOptions.MinDist))]
    [InlineData(nameof(UmapOptions.Spread))]
    [InlineData(nameof(UmapOptions.Epochs))]
    [InlineData(nameof(UmapOptions.LearningRate))]
    [InlineData(nameof(UmapOptions.NegativeSampleRate))]
    public void Fit_Names_The_Invalid_Option(string name)
    {
        var options = name switch
        {
            nameof(UmapOptions.Neighbors) => Small with { Neighbors = 1 },
            nameof(UmapOptions.MinDist) => Small with { MinDist = 2 },
            nameof(UmapOptions.Spread) => Small with { Spread = 0 },
            nameof(UmapOptions.Epochs) => Small with { Epochs = -1 },
            nameof(UmapOptions.LearningRate) => Small with { LearningRate = double.NaN },
            _ => Small with { NegativeSampleRate = -1 },
        };
        var error = Assert.ThrowsAny<ArgumentException>(() => new UmapReducer(options).Fit(ReducerFactories.Blobs(rows: 40, cols: 4)));
        Assert.Equal(name, error.ParamName);
    }

    [Fact]
    public void A_Callback_Sees_Every_Stage_And_Can_Stop_The_Layout()
    {
        var data = ReducerFactories.Blobs(rows: 200, cols: 5);
        var stages = new List<UmapStage>();
        var embedding = new UmapReducer(Small).Fit(data, progress =>
        {
            stages.Add(progress.Stage);
            return progress.Stage == UmapStage.Layout && progress.Epoch >= 30 ? UmapDecision.Stop : UmapDecision.Continue;
        });
        Assert.Equal([UmapStage.Neighbors, UmapStage.Graph, UmapStage.Initialization, UmapStage.Layout], stages.Distinct());
        Assert.Equal(30, embedding.Epochs);
    }

    [Fact]
    public void Zero_Epochs_Return_The_Initial_Layout_Scaled_To_Zero_Ten()
    {
        var embedding = new UmapReducer(Small with { Epochs = 0 }).Fit(ReducerFactories.Blobs(rows: 100, cols: 5));
        var points = embedding.ToMatrix();
        for (int d = 0; d < 2; d++)
        {
            var column = Enumerable.Range(0, points.Rows).Select(i => points[i, d]).ToArray();
            Assert.Equal(0f, column.Min(), 1e-5f);
            Assert.Equal(10f, column.Max(), 1e-4f);
        }
    }
}
