using LatentWorkbench.Images;
using LatentWorkbench.Data;
using LatentWorkbench.Figures;

namespace LatentWorkbench.Cli.Commands;

/// <summary>One figure of each kind drawn from real MNIST, for <c>figure demo</c>.</summary>
internal static class DemoFigures
{
    public static IEnumerable<(string Name, object Figure)> Build(MnistSplit test)
    {
        float[] pixels = test.Pixels.ToArray();
        byte[] allLabels = test.LabelBytes();
        int n = Math.Min(10_000, test.Count);
        var (x, y) = RandomProjection(pixels, n, seed: 7);
        float[] ink = [.. Enumerable.Range(0, n).Select(i => pixels.AsSpan(i * 784, 784).ToArray().Average())];
        byte[] labels = allLabels[..n];
        string[] hover = [.. Enumerable.Range(0, n).Select(i => $"test #{i}, digit {labels[i]}")];

        yield return ("scatter-labels", Charts.Scatter(x, y, labels, "MNIST test digits, random 2-D projection", "projection 1", "projection 2", hoverText: hover));
        yield return ("scatter-values", Charts.Scatter(x, y, "Coloured by mean ink", "projection 1", "projection 2", colorValues: ink, colorTitle: "mean ink"));

        double[] epochs = [.. Enumerable.Range(1, 30).Select(e => (double)e)];
        var curve = Charts.Line([.. epochs.Select(e => (2.0 * Math.Exp(-e / 6.0)) + 0.05)], "train", epochs, "Loss (synthetic curve)", "epoch", "loss", logY: true)
            .AddLine([.. epochs.Select(e => (2.1 * Math.Exp(-e / 7.0)) + 0.08)], "test", epochs);
        yield return ("lines", curve);
        int[] counts = test.ClassCounts();
        yield return ("bar", Charts.Bar([.. Enumerable.Range(0, 10).Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            [.. counts.Select(c => (double)c)], "Test images per digit", "digit", "images"));
        yield return ("histogram", Charts.Histogram(ink, 40, "Mean ink per image", "mean pixel value"));
        yield return ("heatmap", Charts.Heatmap(ClassSimilarity(test), title: "Cosine similarity of class means", xTitle: "digit", yTitle: "digit",
            colorTitle: "cosine", showValues: true));
        var grid = GridImage.FromPixels(pixels, 20, 10, rowLabels: ["0–9", "10–19"],
            captions: [.. labels[..20].Select(l => $"label {l}")], title: "First 20 test digits");
        yield return ("digits", grid);
        yield return ("confusion", Charts.ConfusionMatrix(NearestMeanConfusion(test), title: "Nearest class mean: confusion on the test set"));
        yield return ("subplots", Charts.Subplots([Charts.Scatter(x, y, labels, "Projection"), Charts.Histogram(ink, 40, "Mean ink"), curve], columns: 3, title: "Overview"));
    }

    private static (float[] X, float[] Y) RandomProjection(float[] pixels, int n, int seed)
    {
        var random = new Random(seed);
        double[] a = [.. Enumerable.Range(0, 784).Select(_ => random.NextDouble() - 0.5)];
        double[] b = [.. Enumerable.Range(0, 784).Select(_ => random.NextDouble() - 0.5)];
        var x = new float[n];
        var y = new float[n];
        for (int i = 0; i < n; i++)
        {
            var image = pixels.AsSpan(i * 784, 784);
            for (int p = 0; p < 784; p++)
            {
                x[i] += (float)(image[p] * a[p]);
                y[i] += (float)(image[p] * b[p]);
            }
        }

        return (x, y);
    }

    private static double[,] ClassSimilarity(MnistSplit split)
    {
        var means = ClassMeans(split);
        var similarity = new double[10, 10];
        for (int a = 0; a < 10; a++)
        {
            for (int b = 0; b < 10; b++)
            {
                double dot = 0, na = 0, nb = 0;
                for (int p = 0; p < 784; p++)
                {
                    dot += means[a, p] * means[b, p];
                    na += means[a, p] * means[a, p];
                    nb += means[b, p] * means[b, p];
                }

                similarity[a, b] = Math.Round(dot / Math.Sqrt(na * nb), 2);
            }
        }

        return similarity;
    }

    // Each test image goes to the class whose mean image is nearest (squared distance): a tiny classifier with a telling confusion matrix.
    private static int[,] NearestMeanConfusion(MnistSplit split)
    {
        float[] pixels = split.Pixels.ToArray();
        byte[] labels = split.LabelBytes();
        var means = ClassMeans(split);
        var counts = new int[10, 10];
        for (int i = 0; i < split.Count; i++)
        {
            int best = 0;
            double bestDistance = double.PositiveInfinity;
            for (int c = 0; c < 10; c++)
            {
                double d = 0;
                for (int p = 0; p < 784; p++)
                {
                    double diff = pixels[(i * 784) + p] - means[c, p];
                    d += diff * diff;
                }

                if (d < bestDistance)
                {
                    (best, bestDistance) = (c, d);
                }
            }

            counts[labels[i], best]++;
        }

        return counts;
    }

    private static double[,] ClassMeans(MnistSplit split)
    {
        float[] pixels = split.Pixels.ToArray();
        byte[] labels = split.LabelBytes();
        var means = new double[10, 784];
        int[] counts = split.ClassCounts();
        for (int i = 0; i < split.Count; i++)
        {
            for (int p = 0; p < 784; p++)
            {
                means[labels[i], p] += pixels[(i * 784) + p] / (double)counts[labels[i]];
            }
        }

        return means;
    }
}
