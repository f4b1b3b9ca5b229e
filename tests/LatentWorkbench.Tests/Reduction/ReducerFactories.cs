using LatentWorkbench.Reduction;
using LatentWorkbench.Reduction.Pca;
using LatentWorkbench.Reduction.Tsne;
using LatentWorkbench.Reduction.Umap;

namespace LatentWorkbench.Tests.Reduction;

/// <summary>Builds every reducer the contract tests cover, and small synthetic data sets.</summary>
internal static class ReducerFactories
{
    public static readonly string[] Names = ["pca-exact", "pca-randomized", "tsne", "umap"];

    public static IReducer<object> Create(string name, int components) => name switch
    {
        "pca-exact" => new PcaReducer(new PcaOptions { Components = components }),
        "pca-randomized" => new PcaReducer(new PcaOptions { Components = components, Solver = PcaSolver.Randomized }),
        "tsne" => new TsneReducer(new TsneOptions { Components = components, Perplexity = 5, Iterations = 20 }),
        "umap" => new UmapReducer(new UmapOptions { Components = components, Neighbors = 5, Epochs = 20 }),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown reducer"),
    };

    /// <summary>Gaussian blobs: <paramref name="classes"/> centres ~N(0, 25) with unit noise; labels are row % classes.</summary>
    public static Matrix Blobs(int rows, int cols, int classes = 3, int seed = 1)
    {
        var random = new Random(seed);
        var centres = new double[classes * cols];
        for (int i = 0; i < centres.Length; i++)
        {
            centres[i] = 5 * Normal(random);
        }

        var data = new float[rows * cols];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++)
            {
                data[(i * cols) + j] = (float)(centres[((i % classes) * cols) + j] + Normal(random));
            }
        }

        return new Matrix(data, rows, cols);
    }

    public static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
