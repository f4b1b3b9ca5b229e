using System.CommandLine;
using System.Globalization;
using LatentWorkbench.Data;
using LatentWorkbench.Reduction.Umap;
using Spectre.Console;
using LatentWorkbench.Experiments.Projections;

namespace LatentWorkbench.Cli.Commands;

/// <summary><c>workbench reduce umap</c>: UMAP on MNIST, with the same quality metrics and JSON keys as <c>reduce tsne</c>.</summary>
internal static partial class ReduceCommand
{
    private static Command CreateUmap()
    {
        var defaults = ProjectionExperimentOptions.UmapDefaults;
        var split = new Option<string>("--split") { Description = "test, train or all (the 70,000 images of both).", DefaultValueFactory = _ => "test" };
        split.AcceptOnlyFromAmong("test", "train", "all");
        var count = new Option<int?>("--n") { Description = "Embed only the first N images of the split (default: all of it)." };
        var pcaComponents = new Option<int>("--pca") { Description = "Reduce to this many principal components first (0 = raw pixels).", DefaultValueFactory = _ => defaults.PcaComponents };
        var neighbors = new Option<int>("--neighbors") { Description = "n_neighbors (the point itself included).", DefaultValueFactory = _ => defaults.Umap.Neighbors };
        var minDist = new Option<double>("--min-dist") { Description = "min_dist: how tightly points pack.", DefaultValueFactory = _ => defaults.Umap.MinDist };
        var spread = new Option<double>("--spread") { Description = "spread: the scale of embedded distances.", DefaultValueFactory = _ => defaults.Umap.Spread };
        var metric = new Option<string>("--metric") { Description = "euclidean or cosine.", DefaultValueFactory = _ => "euclidean" };
        metric.AcceptOnlyFromAmong("euclidean", "cosine");
        var epochs = new Option<int?>("--epochs") { Description = "Layout epochs (default: 500 up to 10,000 points, 200 above)." };
        var learningRate = new Option<double>("--learning-rate") { Description = "Initial SGD step.", DefaultValueFactory = _ => defaults.Umap.LearningRate };
        var negativeRate = new Option<int>("--negative-sample-rate") { Description = "Negative samples per positive sample.", DefaultValueFactory = _ => defaults.Umap.NegativeSampleRate };
        var init = new Option<string>("--init") { Description = "Initialization: spectral, pca or random.", DefaultValueFactory = _ => "spectral" };
        init.AcceptOnlyFromAmong("spectral", "pca", "random");
        var seed = new Option<int>("--seed") { Description = "Seed (eigensolver start, initial noise, negative samples).", DefaultValueFactory = _ => defaults.Umap.Seed };
        var csv = new Option<string?>("--csv") { Description = "Write x,y,label per point to this file." };
        var json = new Option<string?>("--json") { Description = "Write {\"seconds\", \"trustworthiness\", \"knn_accuracy\", stage seconds, epochs, initialization} to this file." };
        var dir = DirOption();
        var umap = new Command("umap", "Embed MNIST in 2-D with UMAP; print seconds, trustworthiness (k=10, against the UMAP input) and 10-NN accuracy (5-fold).")
        {
            split, count, pcaComponents, neighbors, minDist, spread, metric, epochs, learningRate, negativeRate, init, seed, csv, json, dir,
        };
        CliAction.Set(umap, (parse, cancellationToken) =>
        {
            using var images = LoadImages(parse.GetValue(split)!, parse.GetValue(count), CliAction.MnistDirectory(parse.GetValue(dir)));
            var experiment = defaults with
            {
                PcaComponents = parse.GetValue(pcaComponents),
                Umap = defaults.Umap with
                {
                    Neighbors = parse.GetValue(neighbors),
                    MinDist = parse.GetValue(minDist),
                    Spread = parse.GetValue(spread),
                    Metric = parse.GetValue(metric) == "cosine" ? UmapMetric.Cosine : UmapMetric.Euclidean,
                    Epochs = parse.GetValue(epochs),
                    LearningRate = parse.GetValue(learningRate),
                    NegativeSampleRate = parse.GetValue(negativeRate),
                    Initialization = parse.GetValue(init) switch { "pca" => UmapInitialization.Pca, "random" => UmapInitialization.Random, _ => UmapInitialization.Spectral },
                    Seed = parse.GetValue(seed),
                },
            };
            var result = RunUmapWithProgress(experiment, images, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            var (embedding, input, seconds, trust, knn) = (result.Umap!, result.Input, result.Seconds, result.Trustworthiness, result.KnnAccuracy);
            var t = embedding.Timings;
            if (experiment.PcaComponents > 0)
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  PCA-{experiment.PcaComponents}: {result.PcaSeconds:F2} s"));
            }

            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  stages: k-NN {t.Neighbors:F2} s, graph {t.Graph:F2} s, {embedding.Initialization.ToString().ToLowerInvariant()} init {t.Initialization:F2} s, layout {t.Layout:F2} s ({embedding.Epochs} epochs)"));
            if (embedding.InitializationNote is { } note)
            {
                Console.Error.WriteLine($"  note: {note}");
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"UMAP on {input.shape[0]}×{input.shape[1]}: {seconds:F2} s, trustworthiness(k={experiment.QualityNeighbors}) {trust:F5}, {experiment.QualityNeighbors}-NN accuracy ({experiment.KnnFolds}-fold) {knn:F4}"));
            if (parse.GetValue(csv) is { } csvPath)
            {
                ReduceOutput.WriteEmbeddingCsv(csvPath, embedding.ToArray(), images.Labels);
            }

            if (parse.GetValue(json) is { } jsonPath)
            {
                ReduceOutput.WriteJson(jsonPath, writer =>
                {
                    writer.WriteNumber("seconds", seconds);
                    writer.WriteNumber("trustworthiness", trust);
                    writer.WriteNumber("knn_accuracy", knn);
                    writer.WriteNumber("neighbors_seconds", t.Neighbors);
                    writer.WriteNumber("graph_seconds", t.Graph);
                    writer.WriteNumber("initialization_seconds", t.Initialization);
                    writer.WriteNumber("layout_seconds", t.Layout);
                    writer.WriteNumber("epochs", embedding.Epochs);
                    writer.WriteString("initialization", embedding.Initialization.ToString().ToLowerInvariant());
                });
            }

            return Task.FromResult(0);
        });
        return umap;
    }

    /// <summary>Runs the recipe with a Spectre progress bar on stderr: one step per stage, then the layout epochs.</summary>
    private static ProjectionResult RunUmapWithProgress(ProjectionExperimentOptions options, MnistSplit images, CancellationToken cancellationToken) =>
        CliAction.ProgressConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("UMAP: k-NN", maxValue: Math.Max(options.Umap.EpochsFor(images.Count), 1));
                return ProjectionExperiment.Run(new FeatureSpace("pixels", images.Images), images.Labels, options, umapCallback: progress =>
                {
                    task.MaxValue = Math.Max(progress.TotalEpochs, 1);
                    task.Value = progress.Epoch;
                    task.Description = progress.Stage == UmapStage.Layout
                        ? string.Create(CultureInfo.InvariantCulture, $"UMAP layout epoch {progress.Epoch}/{progress.TotalEpochs}")
                        : $"UMAP: {StageName(progress.Stage)}";
                    return cancellationToken.IsCancellationRequested ? UmapDecision.Stop : UmapDecision.Continue;
                });
            });

    private static string StageName(UmapStage stage) => stage switch
    {
        UmapStage.Neighbors => "k-NN",
        UmapStage.Graph => "fuzzy graph",
        UmapStage.Initialization => "initialisation",
        _ => "layout",
    };
}
