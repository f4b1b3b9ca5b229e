using LatentWorkbench.Reduction.Pca;

namespace LatentWorkbench.Reduction.Tsne;

/// <summary>Stage 2 of t-SNE: the starting embedding (N×dims, float64, row-major).</summary>
/// <remarks>
/// Both start tiny (standard deviation 1e-4) so that early exaggeration can organise the clusters before
/// the points spread; PCA keeps the global layout of the data (Kobak &amp; Linderman, Nat. Biotechnol. 39, 2021).
/// </remarks>
internal static class TsneInitializer
{
    /// <summary>The first <paramref name="dims"/> principal coordinates of <paramref name="data"/>, scaled so column 0 has standard deviation 1e-4.</summary>
    public static double[] Pca(Matrix data, int dims)
    {
        var projected = new Pca.PcaReducer(new PcaOptions { Components = dims }).Fit(data).Transform(data);
        int n = projected.Rows;
        double mean = 0, squares = 0;
        for (int i = 0; i < n; i++)
        {
            mean += projected[i, 0];
        }

        mean /= n;
        for (int i = 0; i < n; i++)
        {
            squares += Math.Pow(projected[i, 0] - mean, 2);
        }

        double std = Math.Sqrt(squares / n);
        double scale = std > 0 ? 1e-4 / std : 1;
        return Array.ConvertAll(projected.Data, v => v * scale);
    }

    /// <summary>N×dims draws from N(0, (1e-4)²), reproducible for a seed.</summary>
    public static double[] Random(int count, int dims, int seed)
    {
        var random = new Random(seed);
        var points = new double[count * dims];
        for (int i = 0; i < points.Length; i++)
        {
            double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
            points[i] = 1e-4 * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        }

        return points;
    }
}
