using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using LatentWorkbench.Data;
using LatentWorkbench.Metrics;
using LatentWorkbench.Reduction.Umap;
using LatentWorkbench.Experiments.Projections;

namespace LatentWorkbench.Cli.Commands;

/// <summary>
/// <c>workbench bench umap [--reference]</c>: our UMAP on the first N MNIST test digits (raw pixels), and with
/// <c>--reference</c> umap-js 1.4.0 under Node on the same matrix, same n_neighbors, min_dist and epochs; both scored by
/// the same trustworthiness and k-NN code; prints the time ratio.
/// </summary>
internal static class UmapBench
{
    public static Command Create()
    {
        var defaults = ProjectionExperimentOptions.UmapDefaults;
        var count = new Option<int>("--n") { Description = "Test digits to embed.", DefaultValueFactory = _ => 10_000 };
        var neighbors = new Option<int>("--neighbors") { Description = "n_neighbors for both.", DefaultValueFactory = _ => defaults.Umap.Neighbors };
        var minDist = new Option<double>("--min-dist") { Description = "min_dist for both.", DefaultValueFactory = _ => defaults.Umap.MinDist };
        var epochs = new Option<int?>("--epochs") { Description = "Layout epochs for both (default: umap-js's rule, 200 above 7,500 points)." };
        var seed = new Option<int>("--seed") { Description = "Seed for both.", DefaultValueFactory = _ => defaults.Umap.Seed };
        var reference = new Option<bool>("--reference") { Description = "Also run umap-js (Node) on the same data and print the ratio." };
        var referenceDir = new Option<string?>("--reference-dir") { Description = "The umap-js anchor folder (default: tools/anchors/umap_js in the repository)." };
        var json = new Option<string?>("--json") { Description = "Write the numbers of both runs and the ratio to this file." };
        var dir = new Option<string?>("--dir") { Description = "MNIST folder (default: data/mnist in the repository, or $LATENTWORKBENCH_MNIST_DIR)." };
        var command = new Command("umap", "Time UMAP on MNIST test digits and score it; with --reference, umap-js beside it (same data, same n_neighbors, min_dist, epochs).")
        {
            count, neighbors, minDist, epochs, seed, reference, referenceDir, json, dir,
        };
        CliAction.Set(command, (parse, _) =>
        {
            var split = Mnist.LoadSplit("test", CliAction.MnistDirectory(parse.GetValue(dir)));
            int n = parse.GetValue(count);
            if (n < 100 || n > split.Count)
            {
                throw new ArgumentOutOfRangeException("--n", n, $"--n must be between 100 and the {split.Count} test digits.");
            }

            split = split.Take(n);
            var data = split.Images;
            int epochCount = parse.GetValue(epochs) ?? UmapJsEpochs(n);
            var options = defaults with
            {
                Umap = defaults.Umap with { Neighbors = parse.GetValue(neighbors), MinDist = parse.GetValue(minDist), Epochs = epochCount, Seed = parse.GetValue(seed) },
            };
            Console.Error.WriteLine($"UMAP on {n}×784 test digits, n_neighbors {options.Umap.Neighbors}, min_dist {options.Umap.MinDist.ToString(CultureInfo.InvariantCulture)}, {epochCount} epochs");
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var embedding = new UmapReducer(options.Umap).Fit(data);
            double ourSeconds = watch.Elapsed.TotalSeconds;
            double ourCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            using var points = embedding.ToTensor();
            var ours = (Seconds: ourSeconds,
                Trustworthiness: NeighborhoodPreservation.Trustworthiness(data, points, options.QualityNeighbors),
                KnnAccuracy: KnnAccuracy.CrossValidated(points, split.Labels, options.QualityNeighbors, options.KnnFolds));
            var t = embedding.Timings;
            Console.WriteLine(Line("ours   ", ours.Seconds, ours.Trustworthiness, ours.KnnAccuracy) + string.Create(CultureInfo.InvariantCulture,
                $" (k-NN {t.Neighbors:F2} s, graph {t.Graph:F2} s, {embedding.Initialization.ToString().ToLowerInvariant()} init {t.Initialization:F2} s, layout {t.Layout:F2} s)"));
            (double Seconds, double Cpu, double Trust, double Knn)? theirs = null;
            if (parse.GetValue(reference))
            {
                string anchor = parse.GetValue(referenceDir) ?? Path.Combine(DataPaths.FindRepositoryRoot() ?? Directory.GetCurrentDirectory(), "tools", "anchors", "umap_js");
                var js = UmapJsReference.Run(anchor, data, options.Umap.Neighbors, options.Umap.MinDist, epochCount, options.Umap.Seed);
                double trust = NeighborhoodPreservation.Trustworthiness(data, js.Embedding, options.QualityNeighbors);
                double knn = KnnAccuracy.CrossValidated(js.Embedding, split.Labels, options.QualityNeighbors, options.KnnFolds);
                theirs = (js.Seconds, js.CpuSeconds, trust, knn);
                Console.WriteLine(Line("umap-js", js.Seconds, trust, knn) + $" ({js.Epochs} epochs)");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"time ours/umap-js {ours.Seconds / js.Seconds:F3} wall, {ourCpu / js.CpuSeconds:F3} CPU ({ourCpu:F1} s vs {js.CpuSeconds:F1} s); trustworthiness {ours.Trustworthiness - trust:+0.0000;-0.0000}, k-NN accuracy {ours.KnnAccuracy - knn:+0.0000;-0.0000}"));
            }

            if (parse.GetValue(json) is { } path)
            {
                ReduceOutput.WriteJson(path, writer =>
                {
                    writer.WriteNumber("points", n);
                    writer.WriteNumber("epochs", epochCount);
                    writer.WriteNumber("seconds", ours.Seconds);
                    writer.WriteNumber("cpu_seconds", ourCpu);
                    writer.WriteNumber("trustworthiness", ours.Trustworthiness);
                    writer.WriteNumber("knn_accuracy", ours.KnnAccuracy);
                    if (theirs is { } r)
                    {
                        writer.WriteNumber("reference_seconds", r.Seconds);
                        writer.WriteNumber("reference_cpu_seconds", r.Cpu);
                        writer.WriteNumber("reference_trustworthiness", r.Trust);
                        writer.WriteNumber("reference_knn_accuracy", r.Knn);
                        writer.WriteNumber("time_ratio", ours.Seconds / r.Seconds);
                    }
                });
            }

            return Task.FromResult(0);
        });
        return command;
    }

    /// <summary>umap-js 1.4.0's default epochs (its getNEpochs): 500 up to 2,500 points, 400 to 5,000, 300 to 7,500, 200 above.</summary>
    private static int UmapJsEpochs(int n) => n <= 2500 ? 500 : n <= 5000 ? 400 : n <= 7500 ? 300 : 200;

    private static string Line(string name, double seconds, double trust, double knn) =>
        string.Create(CultureInfo.InvariantCulture, $"{name}: {seconds,7:F2} s, trustworthiness {trust:F5}, 10-NN accuracy {knn:F4}");
}
