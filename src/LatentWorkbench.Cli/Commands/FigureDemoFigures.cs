using System.Globalization;
using LatentWorkbench.Data;
using LatentWorkbench.Figures;
using LatentWorkbench.Images;
using TorchSharp;

namespace LatentWorkbench.Cli.Commands;

/// <summary>One figure of each kind drawn from real MNIST, for <c>figure demo</c>.</summary>
internal static class DemoFigures
{
    public static IEnumerable<(string Name, object Figure)> Build(MnistSplit test)
    {
        // The charts copy what they draw, so every tensor here can go when the figures are built.
        using var scope = torch.NewDisposeScope();
        int n = Math.Min(10_000, test.Count);
        var images = test.Images.narrow(0, 0, n);
        var labels = test.Labels.narrow(0, 0, n);
        var points = RandomProjection(images, seed: 7);
        var ink = images.mean([1]);
        long[] digits = labels.cpu().data<long>().ToArray();
        string[] hover = [.. Enumerable.Range(0, n).Select(i => $"test #{i}, digit {digits[i]}")];

        var figures = new List<(string Name, object Figure)>
        {
            ("scatter-labels", Charts.Scatter(points, labels, "MNIST test digits, random 2-D projection", "projection 1", "projection 2", hoverText: hover)),
            ("scatter-values", Charts.Scatter(points, "Coloured by mean ink", "projection 1", "projection 2", colorValues: ink, colorTitle: "mean ink")),
        };

        double[] epochs = [.. Enumerable.Range(1, 30).Select(e => (double)e)];
        var curve = Charts.Line([.. epochs.Select(e => (2.0 * Math.Exp(-e / 6.0)) + 0.05)], "train", epochs, "Loss (synthetic curve)", "epoch", "loss", logY: true)
            .AddLine([.. epochs.Select(e => (2.1 * Math.Exp(-e / 7.0)) + 0.08)], "test", epochs);
        figures.Add(("lines", curve));
        var counts = test.ClassCounts();
        figures.Add(("bar", Charts.Bar([.. Enumerable.Range(0, 10).Select(d => d.ToString(CultureInfo.InvariantCulture))],
            [.. counts.Select(c => (double)c)], "Test images per digit", "digit", "images")));
        figures.Add(("histogram", Charts.Histogram(ink, 40, "Mean ink per image", "mean pixel value")));
        var means = ClassMeans(test);
        figures.Add(("heatmap", Charts.Heatmap(ClassSimilarity(means), title: "Cosine similarity of class means", xTitle: "digit", yTitle: "digit",
            colorTitle: "cosine", showValues: true)));
        figures.Add(("digits", GridImage.FromImages(test.Images.narrow(0, 0, 20), 10, rowLabels: ["0–9", "10–19"],
            captions: [.. digits[..20].Select(l => $"label {l}")], title: "First 20 test digits")));
        figures.Add(("confusion", Charts.ConfusionMatrix(NearestMeanConfusion(test, means), title: "Nearest class mean: confusion on the test set")));
        figures.Add(("subplots", Charts.Subplots([Charts.Scatter(points, labels, "Projection"), Charts.Histogram(ink, 40, "Mean ink"), curve], columns: 3, title: "Overview")));
        return figures;
    }

    // Two fixed random directions in pixel space (seeded), so the scatter has some structure without a reducer.
    private static torch.Tensor RandomProjection(torch.Tensor images, int seed)
    {
        var random = new Random(seed);
        float[] directions = new float[784 * 2];
        for (int column = 0; column < 2; column++)
        {
            for (int p = 0; p < 784; p++)
            {
                directions[(p * 2) + column] = (float)(random.NextDouble() - 0.5);
            }
        }

        return images.matmul(torch.tensor(directions, [784, 2], device: images.device));
    }

    // The mean image of each digit, float32 [10, 784].
    private static torch.Tensor ClassMeans(MnistSplit split)
    {
        var oneHot = torch.nn.functional.one_hot(split.Labels, 10).to(torch.float32);
        return oneHot.t().matmul(split.Images) / oneHot.sum(0L).unsqueeze(1);   // 0L: a bare 0 would bind to the dtype overload
    }

    private static double[,] ClassSimilarity(torch.Tensor means)
    {
        var unit = means / means.norm(1, keepdim: true);
        var cosine = unit.matmul(unit.t()).to(torch.float64).cpu().data<double>().ToArray();
        var similarity = new double[10, 10];
        for (int a = 0; a < 10; a++)
        {
            for (int b = 0; b < 10; b++)
            {
                similarity[a, b] = Math.Round(cosine[(a * 10) + b], 2);
            }
        }

        return similarity;
    }

    // Each test image goes to the class whose mean image is nearest (squared distance): a tiny classifier with a telling confusion matrix.
    private static int[,] NearestMeanConfusion(MnistSplit split, torch.Tensor means)
    {
        long[] predicted = torch.cdist(split.Images, means).argmin(1).cpu().data<long>().ToArray();
        long[] truth = split.Labels.cpu().data<long>().ToArray();
        var counts = new int[10, 10];
        for (int i = 0; i < truth.Length; i++)
        {
            counts[truth[i], predicted[i]]++;
        }

        return counts;
    }
}
