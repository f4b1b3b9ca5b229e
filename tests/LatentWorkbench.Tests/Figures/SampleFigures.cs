using LatentWorkbench.Compute;
using LatentWorkbench.Figures;
using Plotly.NET;
using TorchSharp;

namespace LatentWorkbench.Tests.Figures;

/// <summary>Small deterministic figures of every type (seeded data), shared by snapshot and rendering tests.</summary>
internal static class SampleFigures
{
    public static IEnumerable<(string Name, Func<object> Build)> All =>
    [
        ("scatter-labels", () => LabelledScatter(120)),
        ("scatter-values", ValueScatter),
        ("lines-log", LogLines),
        ("bars-grouped", GroupedBars),
        ("histogram", Histogram),
        ("heatmap", Heatmap),
        ("subplots", Subplots),
    ];

    public static GenericChart LabelledScatter(int count, int seed = 1)
    {
        TorchRuntime.EnsureInitialized();
        var random = new Random(seed);
        var x = new float[count];
        var y = new float[count];
        var labels = new byte[count];
        for (int i = 0; i < count; i++)
        {
            labels[i] = (byte)(i % 10);
            double angle = labels[i] * Math.PI / 5;
            x[i] = (float)((3 * Math.Cos(angle)) + Gaussian(random));
            y[i] = (float)((3 * Math.Sin(angle)) + Gaussian(random));
        }

        using var points = Points(x, y);
        using var classes = torch.tensor(labels, [count], dtype: torch.uint8);
        return Charts.Scatter(points, classes, "Ten clusters", "z1", "z2", hoverText: [.. Enumerable.Range(0, count).Select(i => $"point {i}")]);
    }

    public static GenericChart ValueScatter()
    {
        TorchRuntime.EnsureInitialized();
        var random = new Random(2);
        float[] x = [.. Enumerable.Range(0, 80).Select(_ => (float)Gaussian(random))];
        float[] y = [.. Enumerable.Range(0, 80).Select(_ => (float)Gaussian(random))];
        float[] value = [.. x.Zip(y, (a, b) => (a * a) + (b * b))];
        using var points = Points(x, y);
        using var colors = torch.tensor(value);
        return Charts.Scatter(points, "Radius squared", "x", "y", colorValues: colors, colorTitle: "r²");
    }

    public static GenericChart LogLines()
    {
        double[] epochs = [.. Enumerable.Range(1, 20).Select(e => (double)e)];
        return Charts.Line([.. epochs.Select(e => 3 * Math.Pow(0.7, e))], "train", epochs, "Loss", "epoch", "loss", logY: true)
            .AddLine([.. epochs.Select(e => (3 * Math.Pow(0.75, e)) + 0.01)], "test", epochs);
    }

    public static GenericChart GroupedBars() =>
        Charts.Bar(["PCA", "t-SNE", "VAE"], [0.52, 0.95, 0.88], "kNN accuracy", "method", "accuracy", name: "k = 5")
            .AddBars(["PCA", "t-SNE", "VAE"], [0.49, 0.94, 0.86], "k = 15");

    public static GenericChart Histogram()
    {
        var random = new Random(3);
        return Charts.Histogram([.. Enumerable.Range(0, 500).Select(_ => Gaussian(random))], bins: 20, title: "Gaussian sample", xTitle: "value");
    }

    public static GenericChart Heatmap()
    {
        var counts = new int[4, 4];
        for (int r = 0; r < 4; r++)
        {
            for (int c = 0; c < 4; c++)
            {
                counts[r, c] = r == c ? 90 + r : (r * 3) + c;
            }
        }

        return Charts.ConfusionMatrix(counts, ["zero", "one", "two", "three"]);
    }

    public static GenericChart Subplots() =>
        Charts.Subplots([LabelledScatter(40), Histogram(), LogLines(), Heatmap()], columns: 2, title: "Overview");

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    // [N, 2] points from the two coordinate arrays (the layout every chart helper takes).
    private static torch.Tensor Points(float[] x, float[] y)
    {
        using var xs = torch.tensor(x);
        using var ys = torch.tensor(y);
        return torch.stack([xs, ys], 1);
    }
}
