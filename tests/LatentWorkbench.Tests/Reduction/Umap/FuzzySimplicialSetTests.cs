using LatentWorkbench.Reduction;
using LatentWorkbench.Reduction.Umap;

namespace LatentWorkbench.Tests.Reduction;

public sealed class FuzzySimplicialSetTests
{
    [Fact]
    public void Smooth_Knn_Memberships_Of_Each_Point_Sum_To_Log2_Of_N_Neighbors()
    {
        var data = ReducerFactories.Blobs(rows: 200, cols: 6, classes: 4, seed: 3);
        const int nNeighbors = 10;
        var neighbors = UmapNeighbors.Search(data, nNeighbors - 1, UmapMetric.Euclidean);
        var (rho, sigma) = SmoothKnn.Calibrate(neighbors);
        for (int i = 0; i < data.Rows; i++)
        {
            double sum = 0;
            foreach (double d in neighbors.Distances(i))
            {
                sum += SmoothKnn.Membership(d, rho[i], sigma[i]);
            }

            Assert.Equal(Math.Log2(nNeighbors), sum, 1e-4);
            Assert.Equal(neighbors.Distances(i)[0], rho[i], 12);
        }
    }

    [Fact]
    public void Graph_Is_Symmetric_With_Weights_In_Zero_One_And_The_Fuzzy_Union_On_Shared_Edges()
    {
        var data = ReducerFactories.Blobs(rows: 120, cols: 5, classes: 3, seed: 5);
        var neighbors = UmapNeighbors.Search(data, 7, UmapMetric.Euclidean);
        var (rho, sigma) = SmoothKnn.Calibrate(neighbors);
        var graph = FuzzySimplicialSet.FromNeighbors(neighbors);
        var directed = new Dictionary<(int, int), double>();
        for (int i = 0; i < data.Rows; i++)
        {
            for (int t = 0; t < neighbors.K; t++)
            {
                directed[(i, neighbors.Indices(i)[t])] = SmoothKnn.Membership(neighbors.Distances(i)[t], rho[i], sigma[i]);
            }
        }

        for (int i = 0; i < data.Rows; i++)
        {
            var columns = graph.NeighborsOf(i);
            var weights = graph.WeightsOf(i);
            for (int t = 0; t < columns.Length; t++)
            {
                int j = columns[t];
                Assert.Equal(weights[t], graph[j, i]);
                Assert.InRange(weights[t], double.Epsilon, 1.0);
                double u = directed.GetValueOrDefault((i, j)), v = directed.GetValueOrDefault((j, i));
                Assert.Equal(u + v - (u * v), weights[t], 12);
            }
        }

        Assert.Equal(directed.Keys.Select(e => (Math.Min(e.Item1, e.Item2), Math.Max(e.Item1, e.Item2))).Distinct().Count() * 2, graph.EdgeCount);
    }

    [Fact]
    public void Cosine_Neighbors_Are_One_Minus_Cosine_Similarity()
    {
        // Rays: rows along a few directions with very different lengths, so cosine and Euclidean neighbours differ.
        var data = Rays(rows: 90, cols: 4, seed: 2);
        var neighbors = UmapNeighbors.Search(data, 5, UmapMetric.Cosine);
        for (int i = 0; i < data.Rows; i++)
        {
            var expected = Enumerable.Range(0, data.Rows).Where(j => j != i)
                .Select(j => (Index: j, Distance: 1 - Cosine(data.Row(i), data.Row(j)))).OrderBy(p => p.Distance).ThenBy(p => p.Index).Take(5).ToArray();
            for (int t = 0; t < 5; t++)
            {
                Assert.Equal(expected[t].Distance, neighbors.Distances(i)[t], 5);
            }
        }
    }

    [Fact]
    public void Cosine_Rejects_An_All_Zero_Row_By_Index()
    {
        var data = Rays(rows: 30, cols: 4, seed: 2);
        Array.Clear(data.Data, 4 * 11, 4);
        var error = Assert.Throws<ArgumentException>(() => UmapNeighbors.Search(data, 5, UmapMetric.Cosine));
        Assert.Contains("row 11", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Rows i along direction i % 3 (plus a little noise), scaled by lengths from 0.1 to 10.</summary>
    internal static Matrix Rays(int rows, int cols, int seed)
    {
        var random = new Random(seed);
        var directions = new double[3 * cols];
        for (int t = 0; t < directions.Length; t++)
        {
            directions[t] = ReducerFactories.Normal(random);
        }

        var values = new float[rows * cols];
        for (int i = 0; i < rows; i++)
        {
            double length = 0.1 + (9.9 * random.NextDouble());
            for (int j = 0; j < cols; j++)
            {
                values[(i * cols) + j] = (float)(length * (directions[((i % 3) * cols) + j] + (0.05 * ReducerFactories.Normal(random))));
            }
        }

        return new Matrix(values, rows, cols);
    }

    private static double Cosine(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        double dot = 0, xx = 0, yy = 0;
        for (int j = 0; j < x.Length; j++)
        {
            dot += x[j] * (double)y[j];
            xx += x[j] * (double)x[j];
            yy += y[j] * (double)y[j];
        }

        return dot / Math.Sqrt(xx * yy);
    }
}
