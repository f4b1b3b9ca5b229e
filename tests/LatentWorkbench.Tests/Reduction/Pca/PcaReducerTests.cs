using LatentWorkbench.Data;
using LatentWorkbench.Reduction;
using LatentWorkbench.Reduction.Pca;
using LatentWorkbench.Tests.TestUtilities;
using MathNet.Numerics.LinearAlgebra;

namespace LatentWorkbench.Tests.Reduction.Pca;

[Collection(MnistCollection.Name)]
public sealed class PcaReducerTests(MnistFixture mnist)
{
    private Matrix TrainImages(int count)
    {
        var split = mnist.Data.Train.Take(count);
        return new Matrix(split.Pixels.ToArray(), split.Count, MnistSplit.PixelsPerImage);
    }

    [Fact]
    public void Exact_Solver_Matches_Float64_Svd_Of_Centred_Data()
    {
        var data = TrainImages(1500);
        var model = new PcaReducer(new PcaOptions { Components = 20 }).Fit(data);

        // Reference: float64 SVD of the centred matrix, computed here from scratch.
        int n = data.Rows, d = data.Cols;
        var x = Matrix<double>.Build.Dense(n, d, (i, j) => data[i, j]);
        var mean = x.ColumnSums() / n;
        var centred = x - Matrix<double>.Build.Dense(n, d, (_, j) => mean[j]);
        var svd = centred.Svd(computeVectors: true);
        double total = centred.PointwisePower(2).Enumerate().Sum();
        for (int k = 0; k < 20; k++)
        {
            double ratio = svd.S[k] * svd.S[k] / total;
            Assert.InRange(model.ExplainedVarianceRatio[k] - ratio, -1e-5, 1e-5);
            Assert.InRange(model.SingularValues[k] / svd.S[k], 1 - 1e-4, 1 + 1e-4);
            Assert.True(AbsCosine(model.Component(k).data<float>().ToArray(), svd.VT.Row(k)) >= 0.9999, $"component {k}");
        }
    }

    [Fact]
    public void Randomized_Solver_Agrees_With_Exact_On_Leading_Components()
    {
        var data = TrainImages(6000);
        var exact = new PcaReducer(new PcaOptions { Components = 30 }).Fit(data);
        var randomized = new PcaReducer(new PcaOptions { Components = 30, Solver = PcaSolver.Randomized, Seed = 3 }).Fit(data);
        for (int k = 0; k < 30; k++)
        {
            Assert.InRange(randomized.ExplainedVarianceRatio[k] - exact.ExplainedVarianceRatio[k], -1e-4, 1e-4);
        }

        for (int k = 0; k < 10; k++)
        {
            Assert.True(AbsCosine(exact.Component(k).data<float>().ToArray(), randomized.Component(k).data<float>().ToArray()) >= 0.9999, $"component {k}");
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Both_Randomized_Operators_Agree_With_Exact(bool iterateWithCovariance)
    {
        var path = iterateWithCovariance ? RandomizedOperator.Covariance : RandomizedOperator.Data;
        var data = TrainImages(3000);
        var exact = new PcaReducer(new PcaOptions { Components = 20 }).Fit(data);
        var randomized = new PcaReducer(new PcaOptions { Components = 20, Solver = PcaSolver.Randomized, Seed = 1 }) { RandomizedPath = path }.Fit(data);
        for (int k = 0; k < 20; k++)
        {
            Assert.InRange(randomized.ExplainedVarianceRatio[k] - exact.ExplainedVarianceRatio[k], -1e-4, 1e-4);
        }

        for (int k = 0; k < 10; k++)
        {
            Assert.True(AbsCosine(exact.Component(k).data<float>().ToArray(), randomized.Component(k).data<float>().ToArray()) >= 0.9999, $"component {k}");
        }
    }

    [Fact]
    public void Randomized_Solver_Is_Deterministic_For_A_Seed()
    {
        var data = TrainImages(2000);
        var options = new PcaOptions { Components = 10, Solver = PcaSolver.Randomized, Seed = 5 };
        Assert.Equal(new PcaReducer(options).Fit(data).ComponentMatrix().Data, new PcaReducer(options).Fit(data).ComponentMatrix().Data);
    }

    [Fact]
    public void Reconstruction_Error_With_30_Components_Matches_Published_Value()
    {
        // Hinton & Salakhutdinov (Science 2006) report 13.87 squared error per test image for 30-component PCA.
        var model = new PcaReducer(new PcaOptions { Components = 30 }).Fit(TrainImages(60000));
        var test = mnist.Data.Test;
        var testMatrix = new Matrix(test.Pixels.ToArray(), test.Count, MnistSplit.PixelsPerImage);
        var reconstructed = model.InverseTransform(model.Transform(testMatrix));
        double error = 0;
        for (int i = 0; i < test.Pixels.Length; i++)
        {
            double diff = reconstructed.Data[i] - test.Pixels[i];
            error += diff * diff;
        }

        Assert.InRange(error / test.Count, 13.80, 13.95);
    }

    [Fact]
    public void Largest_Loading_Of_Each_Component_Is_Positive()
    {
        var model = new PcaReducer(new PcaOptions { Components = 15 }).Fit(TrainImages(1000));
        for (int k = 0; k < 15; k++)
        {
            var c = model.Component(k).data<float>().ToArray();
            Assert.True(c.MaxBy(Math.Abs) > 0, $"component {k}");
        }
    }

    [Fact]
    public void Whitened_Projection_Has_Unit_Variance_And_Inverts()
    {
        var data = ReducerFactories.Blobs(rows: 300, cols: 6);
        var model = new PcaReducer(new PcaOptions { Whiten = true }).Fit(data);
        var z = model.Transform(data);
        for (int k = 0; k < z.Cols; k++)
        {
            double mean = Enumerable.Range(0, z.Rows).Average(i => z[i, k]);
            double variance = Enumerable.Range(0, z.Rows).Sum(i => Math.Pow(z[i, k] - mean, 2)) / (z.Rows - 1);
            Assert.InRange(variance, 0.999, 1.001);
        }

        var back = model.InverseTransform(z);
        for (int i = 0; i < data.Data.Length; i++)
        {
            Assert.Equal(data.Data[i], back.Data[i], 3);
        }
    }

    [Fact]
    public void VarianceToKeep_Keeps_The_Fewest_Components_Exceeding_The_Fraction()
    {
        var data = TrainImages(2000);
        var all = new PcaReducer(new PcaOptions()).Fit(data);
        var model = new PcaReducer(new PcaOptions { VarianceToKeep = 0.9 }).Fit(data);
        int k = model.ComponentCount;
        Assert.True(all.ExplainedVarianceRatio.Take(k).Sum() > 0.9);
        Assert.True(all.ExplainedVarianceRatio.Take(k - 1).Sum() <= 0.9);
    }

    [Fact]
    public void VarianceToKeep_With_Randomized_Solver_Throws_Naming_The_Option()
    {
        var error = Assert.ThrowsAny<ArgumentException>(() =>
            new PcaReducer(new PcaOptions { VarianceToKeep = 0.9, Solver = PcaSolver.Randomized }).Fit(ReducerFactories.Blobs(50, 4)));
        Assert.Equal("VarianceToKeep", error.ParamName);
    }

    private static double AbsCosine(ReadOnlySpan<float> a, Vector<double> b)
    {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            na += (double)a[i] * a[i];
            nb += b[i] * b[i];
        }

        return Math.Abs(dot) / Math.Sqrt(na * nb);
    }

    private static double AbsCosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var copy = b.ToArray();
        return AbsCosine(a, Vector<double>.Build.Dense(copy.Length, i => copy[i]));
    }
}
