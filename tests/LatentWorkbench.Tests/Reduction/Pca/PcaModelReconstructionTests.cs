using LatentWorkbench.Data;
using LatentWorkbench.Reduction;
using LatentWorkbench.Reduction.Pca;
using LatentWorkbench.Tests.TestUtilities;

namespace LatentWorkbench.Tests.Reduction.Pca;

[Collection(MnistCollection.Name)]
public sealed class PcaModelReconstructionTests(MnistFixture mnist)
{
    private Matrix TrainImages(int count)
    {
        var split = mnist.Data.Train.Take(count);
        return new Matrix(split.Pixels.ToArray(), split.Count, MnistSplit.PixelsPerImage);
    }

    [Fact]
    public void Truncate_Equals_A_Fresh_Exact_Fit_With_That_Many_Components()
    {
        var data = TrainImages(1500);
        var full = new PcaReducer(new PcaOptions()).Fit(data);
        var truncated = full.Truncate(20);
        var fresh = new PcaReducer(new PcaOptions { Components = 20 }).Fit(data);

        Assert.Equal(20, truncated.ComponentCount);
        Assert.Equal(784, full.ComponentCount);
        Assert.Equal(fresh.Mean, truncated.Mean);
        Assert.Equal(fresh.ExplainedVariance, truncated.ExplainedVariance);
        Assert.Equal(fresh.ExplainedVarianceRatio, truncated.ExplainedVarianceRatio);
        Assert.Equal(fresh.SingularValues, truncated.SingularValues);
        Assert.Equal(fresh.TotalVariance, truncated.TotalVariance);
        Assert.Equal(fresh.ComponentMatrix().Data, truncated.ComponentMatrix().Data);
        var rows = data.TakeRows(50);
        Assert.Equal(fresh.Transform(rows).Data, truncated.Transform(rows).Data);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void Truncate_Throws_Naming_Components_When_Out_Of_Range(int k)
    {
        var model = new PcaReducer(new PcaOptions { Components = 10 }).Fit(TrainImages(300));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => model.Truncate(k));
        Assert.Equal("components", error.ParamName);
        Assert.Contains("10 components", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reconstruct_Is_InverseTransform_Of_Transform_And_Exact_With_Every_Component()
    {
        var data = TrainImages(1200);
        var full = new PcaReducer(new PcaOptions()).Fit(data);
        var rows = data.TakeRows(40);
        var k10 = full.Truncate(10);
        Assert.Equal(k10.InverseTransform(k10.Transform(rows)).Data, k10.Reconstruct(rows).Data);
        Assert.True(full.ReconstructionError(rows) < 1e-9, $"all 784 components should rebuild the data; error {full.ReconstructionError(rows)}");
        Assert.True(k10.ReconstructionError(rows) > 1e-3, "10 components should lose information");
    }

    [Fact]
    public void Whitening_Does_Not_Change_The_Reconstruction()
    {
        var data = TrainImages(800);
        var plain = new PcaReducer(new PcaOptions { Components = 15 }).Fit(data);
        var whitened = new PcaReducer(new PcaOptions { Components = 15, Whiten = true }).Fit(data);
        var rows = data.TakeRows(30);
        Assert.Equal(plain.ReconstructionError(rows), whitened.ReconstructionError(rows), 6);
    }

    [Fact]
    public void Reconstruction_Error_Is_The_Float64_Mean_Over_Pixels_Across_Row_Blocks()
    {
        // 2,500 rows: more than two internal blocks of 1,024, so the block boundaries are exercised.
        var data = TrainImages(2500);
        var model = new PcaReducer(new PcaOptions { Components = 25 }).Fit(data);
        var rebuilt = model.InverseTransform(model.Transform(data)).Data;
        double sum = 0;
        for (int i = 0; i < rebuilt.Length; i++)
        {
            double difference = (double)data.Data[i] - rebuilt[i];
            sum += difference * difference;
        }

        double perImage = model.ReconstructionErrorPerImage(data);
        Assert.Equal(sum / data.Rows, perImage, 1e-6 * perImage);
        Assert.Equal(perImage / MnistSplit.PixelsPerImage, model.ReconstructionError(data), 1e-15);
    }

    [Fact]
    public void Published_Squared_Error_Per_Test_Image_At_30_Components_Through_Truncate()
    {
        // Hinton & Salakhutdinov (Science 2006): 13.87 squared error per test image for 30-component PCA.
        var full = new PcaReducer(new PcaOptions()).Fit(TrainImages(60000));
        var test = mnist.Data.Test;
        double perImage = full.Truncate(30).ReconstructionErrorPerImage(new Matrix(test.Pixels.ToArray(), test.Count, MnistSplit.PixelsPerImage));
        Assert.InRange(perImage, 13.80, 13.95);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(60)]
    public void Training_Error_From_The_Spectrum_Matches_The_Measured_Training_Error(int k)
    {
        var data = TrainImages(2000);
        var full = new PcaReducer(new PcaOptions()).Fit(data);
        double measured = full.Truncate(k).ReconstructionError(data);
        double predicted = full.TrainingError(k);
        // The spectrum uses the N − 1 covariance; the measured mean divides by N.
        Assert.Equal(measured * data.Rows / (data.Rows - 1), predicted, 1e-4 * predicted);
        Assert.Equal(full.TotalVariance / MnistSplit.PixelsPerImage, full.TrainingError(0), 1e-12);
        Assert.True(full.TrainingError(784) < 1e-9);
        Assert.Equal("components", Assert.Throws<ArgumentOutOfRangeException>(() => full.TrainingError(785)).ParamName);
    }

    [Fact]
    public void Cumulative_Ratio_Rises_To_One_And_Agrees_With_VarianceToKeep()
    {
        var data = TrainImages(2000);
        var full = new PcaReducer(new PcaOptions()).Fit(data);
        var cumulative = full.CumulativeExplainedVarianceRatio;
        Assert.Equal(784, cumulative.Count);
        Assert.Equal(full.ExplainedVarianceRatio[0], cumulative[0]);
        Assert.Equal(full.ExplainedVarianceRatio.Take(50).Sum(), cumulative[49], 1e-12);
        Assert.All(cumulative.Zip(cumulative.Skip(1)), pair => Assert.True(pair.Second >= pair.First));
        Assert.Equal(1.0, cumulative[^1], 1e-6);

        foreach (double fraction in new[] { 0.5, 0.9, 0.95 })
        {
            int k = new PcaReducer(new PcaOptions { VarianceToKeep = fraction }).Fit(data).ComponentCount;
            Assert.Equal(k, full.ComponentsForVariance(fraction));
            Assert.True(cumulative[k - 1] > fraction && (k == 1 || cumulative[k - 2] <= fraction));
        }

        Assert.Equal("fraction", Assert.Throws<ArgumentOutOfRangeException>(() => full.ComponentsForVariance(1.0)).ParamName);
        Assert.Equal("fraction", Assert.Throws<ArgumentOutOfRangeException>(() => full.ComponentsForVariance(0)).ParamName);
    }
}
