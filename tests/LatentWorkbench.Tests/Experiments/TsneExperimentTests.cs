using LatentWorkbench.Data;
using LatentWorkbench.Experiments;
using LatentWorkbench.Reduction;
using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Experiments;

[Collection(MnistCollection.Name)]
public sealed class TsneExperimentTests(MnistFixture mnist)
{
    [Fact]
    public void The_Recipe_Reduces_Embeds_And_Scores_Like_The_Cli()
    {
        var test = mnist.Data.Test.Take(400);
        var pixels = new Matrix(test.Pixels.ToArray(), test.Count, MnistSplit.PixelsPerImage);
        var options = TsneExperimentOptions.Default with { PcaComponents = 20, Tsne = TsneExperimentOptions.Default.Tsne with { Iterations = 400, Perplexity = 20 } };

        var result = TsneExperiment.Run(pixels, test.LabelBytes(), options);

        Assert.Equal((400, 20), (result.Input.Rows, result.Input.Cols));
        Assert.Equal(400, result.Embedding.ToMatrix().Rows);
        Assert.InRange(result.Trustworthiness, 0.85, 1.0);
        Assert.InRange(result.KnnAccuracy, 0.7, 1.0);
        Assert.True(result.PcaSeconds > 0 && result.Seconds > 0);
    }

    [Fact]
    public void Invalid_Options_Name_The_Field()
    {
        var pixels = new Matrix(new float[20], 10, 2);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TsneExperiment.Run(pixels, new byte[10], TsneExperimentOptions.Default with { KnnFolds = 1 }));
        Assert.Equal("KnnFolds", e.ParamName);
    }
}
