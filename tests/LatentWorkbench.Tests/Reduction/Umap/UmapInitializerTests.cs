using LatentWorkbench.Reduction;
using LatentWorkbench.Reduction.Umap;
using MathNet.Numerics.LinearAlgebra;

namespace LatentWorkbench.Tests.Reduction;

public sealed class UmapInitializerTests
{
    [Fact]
    public void Spectral_Layout_Spans_The_Same_Space_As_The_Dense_Eigenvectors()
    {
        var data = ReducerFactories.Blobs(rows: 150, cols: 5, classes: 3, seed: 11);
        var graph = FuzzySimplicialSet.Compute(data, neighbors: 8);
        int n = graph.Count;
        var layout = UmapInitializer.Spectral(graph, dims: 2, seed: 0);
        Assert.NotNull(layout);

        // Dense oracle: the same regularised normalised adjacency, its 2nd and 3rd largest eigenvectors.
        var w = Matrix<double>.Build.Dense(n, n);
        for (int i = 0; i < n; i++)
        {
            var columns = graph.NeighborsOf(i);
            var weights = graph.WeightsOf(i);
            for (int t = 0; t < columns.Length; t++)
            {
                w[i, columns[t]] = weights[t];
            }
        }

        double tau = 1e-3 * w.RowSums().Sum() / n;
        w = w.Add(tau / n);
        var invSqrt = w.RowSums().Map(d => 1 / Math.Sqrt(d));
        var m = Matrix<double>.Build.DiagonalOfDiagonalVector(invSqrt) * w * Matrix<double>.Build.DiagonalOfDiagonalVector(invSqrt);
        var evd = m.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric);
        var expected = evd.EigenVectors.SubMatrix(0, n, n - 3, 2); // ascending: columns n−3, n−2 are the 3rd and 2nd largest
        var actual = Matrix<double>.Build.Dense(n, 2, (i, d) => layout![(i * 2) + d]);

        // Each computed vector lies in the span of the expected pair (residual of the projection ~ 0).
        var projector = expected * expected.Transpose();
        for (int d = 0; d < 2; d++)
        {
            var column = actual.Column(d);
            Assert.True((column - (projector * column)).L2Norm() < 1e-3 * column.L2Norm(), $"column {d} leaves the eigenspace");
        }
    }

    [Fact]
    public void Spectral_Falls_Back_To_Pca_When_There_Are_Too_Few_Points_And_Says_Why()
    {
        var data = ReducerFactories.Blobs(rows: 3, cols: 4, classes: 1);
        var graph = FuzzySimplicialSet.Compute(data, neighbors: 2);
        var start = UmapInitializer.Create(graph, data, dims: 2, UmapInitialization.Spectral, seed: 0);
        Assert.Equal(UmapInitialization.Pca, start.Used);
        Assert.NotNull(start.Note);
    }

    [Fact]
    public void Random_Initialization_Depends_On_The_Seed_Only()
    {
        var data = ReducerFactories.Blobs(rows: 50, cols: 4);
        var graph = FuzzySimplicialSet.Compute(data, neighbors: 5);
        var first = UmapInitializer.Create(graph, data, 2, UmapInitialization.Random, seed: 3).Points;
        var second = UmapInitializer.Create(graph, data, 2, UmapInitialization.Random, seed: 3).Points;
        var other = UmapInitializer.Create(graph, data, 2, UmapInitialization.Random, seed: 4).Points;
        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }
}
