using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using LatentWorkbench.Data;
using LatentWorkbench.Reduction;
using LatentWorkbench.Reduction.Pca;

namespace LatentWorkbench.Cli.Commands;

/// <summary><c>workbench reduce pca|tsne|umap</c>: fit a reducer on MNIST and report time and quality.</summary>
internal static partial class ReduceCommand
{
    public static Command Create()
    {
        var reduce = new Command("reduce", "Project MNIST with PCA, t-SNE or UMAP and report fit time and quality.");
        reduce.Subcommands.Add(CreatePca());
        reduce.Subcommands.Add(CreateTsne());
        reduce.Subcommands.Add(CreateUmap());
        return reduce;
    }

    private static Option<string?> DirOption() => new("--dir")
    {
        Description = "MNIST folder (default: data/mnist in the repository, or $LATENTWORKBENCH_MNIST_DIR).",
    };

    private static Command CreatePca()
    {
        var components = new Option<int>("--components") { Description = "Number of principal components.", DefaultValueFactory = _ => 50 };
        var split = new Option<string>("--split") { Description = "train or test.", DefaultValueFactory = _ => "train" };
        split.AcceptOnlyFromAmong("train", "test");
        var solver = new Option<string>("--solver") { Description = "exact (covariance eigendecomposition) or randomized (Halko–Martinsson–Tropp).", DefaultValueFactory = _ => "exact" };
        solver.AcceptOnlyFromAmong("exact", "randomized");
        var json = new Option<string?>("--json") { Description = "Also write {\"seconds\", \"explained_variance_ratio\"} to this file." };
        var dir = DirOption();
        var pca = new Command("pca", "Fit PCA on an MNIST split; print fit seconds and explained-variance ratios.") { components, split, solver, json, dir };
        CliAction.Set(pca, (parse, _) =>
        {
            var splitData = Mnist.LoadSplit(parse.GetValue(split)!, CliAction.MnistDirectory(parse.GetValue(dir)));
            var options = new PcaOptions
            {
                Components = parse.GetValue(components),
                Solver = parse.GetValue(solver) == "randomized" ? PcaSolver.Randomized : PcaSolver.Exact,
            };
            var stopwatch = Stopwatch.StartNew();
            var model = new PcaReducer(options).Fit(splitData.Images);
            double seconds = stopwatch.Elapsed.TotalSeconds;

            var ratios = model.ExplainedVarianceRatio;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"PCA {options.Solver.ToString().ToLowerInvariant()} on {splitData.Name} ({splitData.Count}×{MnistSplit.PixelsPerImage}): {model.ComponentCount} components in {seconds:F3} s; explained variance {ratios.Sum():F6}"));
            Console.WriteLine("explained_variance_ratio: " + string.Join(' ', ratios.Select(r => r.ToString("F6", CultureInfo.InvariantCulture))));
            if (parse.GetValue(json) is { } path)
            {
                ReduceOutput.WriteJson(path, writer =>
                {
                    writer.WriteNumber("seconds", seconds);
                    writer.WriteStartArray("explained_variance_ratio");
                    foreach (double r in ratios)
                    {
                        writer.WriteNumberValue(r);
                    }

                    writer.WriteEndArray();
                });
            }

            return Task.FromResult(0);
        });
        return pca;
    }
}
