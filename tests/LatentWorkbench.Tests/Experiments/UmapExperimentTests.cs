using LatentWorkbench.Data;
using LatentWorkbench.Experiments;
using LatentWorkbench.Reduction;
using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Experiments;

[Collection(MnistCollection.Name)]
public sealed class UmapExperimentTests(MnistFixture mnist)
{
    private static readonly UmapExperimentOptions Quick = UmapExperimentOptions.Default with
    {
        Umap = UmapExperimentOptions.Default.Umap with { Epochs = 100 },
    };

    [Fact]
    public void The_Recipe_Embeds_And_Scores_Mnist_Digits()
    {
        var test = mnist.Data.Test.Take(500);
        var pixels = new Matrix(test.Pixels.ToArray(), test.Count, MnistSplit.PixelsPerImage);

        var result = UmapExperiment.Run(pixels, test.LabelBytes(), Quick);

        Assert.Same(pixels, result.Input);
        Assert.Equal((500, 2), (result.Embedding.Count, result.Embedding.Dimensions));
        Assert.InRange(result.Trustworthiness, 0.85, 1.0);
        Assert.InRange(result.KnnAccuracy, 0.7, 1.0);
        Assert.True(result.Seconds > 0);
        Assert.Equal(0, result.PcaSeconds);
    }

    [Fact]
    public void A_Tensor_Source_Gives_The_Same_Embedding_As_Its_Matrix()
    {
        var test = mnist.Data.Test.Take(300);
        var pixels = new Matrix(test.Pixels.ToArray(), test.Count, MnistSplit.PixelsPerImage);
        var options = Quick with { PcaComponents = 20 };
        using var tensor = pixels.AsTensor();

        var fromMatrix = UmapExperiment.Run(pixels, test.LabelBytes(), options);
        var fromTensor = UmapExperiment.Run(tensor, test.LabelBytes(), options);

        Assert.Equal((300, 20), (fromTensor.Input.Rows, fromTensor.Input.Cols));
        Assert.Equal(fromMatrix.Embedding.ToMatrix().Data, fromTensor.Embedding.ToMatrix().Data);
    }

    [Fact]
    public void Invalid_Options_Name_The_Field()
    {
        var pixels = new Matrix(new float[20], 10, 2);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => UmapExperiment.Run(pixels, new byte[10], UmapExperimentOptions.Default with { QualityNeighbors = 0 }));
        Assert.Equal("QualityNeighbors", e.ParamName);
    }
}
