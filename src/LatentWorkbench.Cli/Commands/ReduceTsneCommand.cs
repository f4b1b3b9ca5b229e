using System.CommandLine;
using System.Globalization;
using LatentWorkbench.Data;
using TorchSharp;
using LatentWorkbench.Reduction.Tsne;
using Spectre.Console;
using LatentWorkbench.Experiments.Projections;

namespace LatentWorkbench.Cli.Commands;

/// <summary><c>workbench reduce tsne</c>: PCA then t-SNE on MNIST, with quality metrics.</summary>
internal static partial class ReduceCommand
{
    private static Command CreateTsne()
    {
        var defaults = ProjectionExperimentOptions.TsneDefaults;
        var split = new Option<string>("--split") { Description = "test, train or all (the 70,000 images of both).", DefaultValueFactory = _ => "test" };
        split.AcceptOnlyFromAmong("test", "train", "all");
        var count = new Option<int?>("--n") { Description = "Embed only the first N images of the split (default: all of it)." };
        var pcaComponents = new Option<int>("--pca") { Description = "Reduce to this many principal components first (0 = raw pixels).", DefaultValueFactory = _ => defaults.PcaComponents };
        var perplexity = new Option<double>("--perplexity") { Description = "Perplexity (effective neighbours).", DefaultValueFactory = _ => defaults.Tsne.Perplexity };
        var seed = new Option<int>("--seed") { Description = "Seed (used by --init random; PCA initialization is deterministic).", DefaultValueFactory = _ => defaults.Tsne.Seed };
        var method = new Option<string>("--method") { Description = "Gradient: auto, exact or barnes-hut.", DefaultValueFactory = _ => "auto" };
        method.AcceptOnlyFromAmong("auto", "exact", "barnes-hut");
        var init = new Option<string>("--init") { Description = "Initialization: pca or random.", DefaultValueFactory = _ => "pca" };
        init.AcceptOnlyFromAmong("pca", "random");
        var iterations = new Option<int>("--iterations") { Description = $"Total iterations ({defaults.Tsne.EarlyExaggerationIterations} of them with early exaggeration).", DefaultValueFactory = _ => defaults.Tsne.Iterations };
        var csv = new Option<string?>("--csv") { Description = "Write x,y,label per point to this file." };
        var json = new Option<string?>("--json") { Description = "Write {\"seconds\", \"kl_divergence\", \"trustworthiness\", \"knn_accuracy\"} to this file." };
        var dir = DirOption();
        var tsne = new Command("tsne", "Embed MNIST in 2-D with t-SNE; print seconds, KL divergence, trustworthiness (k=10, against the PCA input) and 10-NN accuracy (5-fold).")
        {
            split, count, pcaComponents, perplexity, seed, method, init, iterations, csv, json, dir,
        };
        CliAction.Set(tsne, (parse, cancellationToken) =>
        {
            using var images = LoadImages(parse.GetValue(split)!, parse.GetValue(count), CliAction.MnistDirectory(parse.GetValue(dir)));
            var experiment = defaults with
            {
                PcaComponents = parse.GetValue(pcaComponents),
                Tsne = defaults.Tsne with
                {
                    Perplexity = parse.GetValue(perplexity),
                    Seed = parse.GetValue(seed),
                    Iterations = parse.GetValue(iterations),
                    Initialization = parse.GetValue(init) == "random" ? TsneInitialization.Random : TsneInitialization.Pca,
                    Method = parse.GetValue(method) switch { "exact" => TsneGradientMethod.Exact, "barnes-hut" => TsneGradientMethod.BarnesHut, _ => TsneGradientMethod.Auto },
                },
            };
            var result = RunWithProgress(experiment, images, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            var (embedding, input, seconds, trust, knn) = (result.Tsne!, result.Input, result.Seconds, result.Trustworthiness, result.KnnAccuracy);
            if (experiment.PcaComponents > 0)
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  PCA-{experiment.PcaComponents}: {result.PcaSeconds:F2} s"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"t-SNE on {input.shape[0]}×{input.shape[1]}: {seconds:F2} s, KL divergence {embedding.KlDivergence:F4}, trustworthiness(k={experiment.QualityNeighbors}) {trust:F5}, {experiment.QualityNeighbors}-NN accuracy ({experiment.KnnFolds}-fold) {knn:F4}"));
            if (parse.GetValue(csv) is { } csvPath)
            {
                ReduceOutput.WriteEmbeddingCsv(csvPath, embedding.ToArray(), images.Labels);
            }

            if (parse.GetValue(json) is { } jsonPath)
            {
                ReduceOutput.WriteJson(jsonPath, writer =>
                {
                    writer.WriteNumber("seconds", seconds);
                    writer.WriteNumber("kl_divergence", embedding.KlDivergence);
                    writer.WriteNumber("trustworthiness", trust);
                    writer.WriteNumber("knn_accuracy", knn);
                });
            }

            return Task.FromResult(0);
        });
        return tsne;
    }

    /// <summary>Runs the recipe with a Spectre progress bar on stderr, updated every 50 iterations with the KL divergence.</summary>
    private static ProjectionResult RunWithProgress(ProjectionExperimentOptions options, MnistSplit images, CancellationToken cancellationToken) =>
        CliAction.ProgressConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("t-SNE: PCA and affinities", maxValue: Math.Max(options.Tsne.Iterations, 1));
                return ProjectionExperiment.Run(new FeatureSpace("pixels", images.Images), images.Labels, options, tsneCallback: progress =>
                {
                    task.Value = progress.Iteration;
                    task.Description = string.Create(CultureInfo.InvariantCulture,
                        $"t-SNE it {progress.Iteration}/{progress.TotalIterations} KL {progress.KlDivergence:F3}{(progress.Exaggeration > 1 ? " (exaggerated)" : string.Empty)}");
                    return cancellationToken.IsCancellationRequested ? TsneDecision.Stop : TsneDecision.Continue;
                });
            });

    private static MnistSplit LoadImages(string split, int? count, string directory)
    {
        MnistSplit data;
        if (split == "all")
        {
            var mnist = Mnist.Load(directory);
            data = new MnistSplit("all", torch.cat([mnist.Train.Images, mnist.Test.Images]), torch.cat([mnist.Train.Labels, mnist.Test.Labels]));
        }
        else
        {
            data = Mnist.LoadSplit(split, directory);
        }

        if (count is int n)
        {
            if (n < 2 || n > data.Count)
            {
                throw new ArgumentOutOfRangeException("--n", n, $"--n must be between 2 and the split's {data.Count} images.");
            }

            data = data.Take(n);
        }

        return data;
    }
}
