using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace LatentWorkbench.Cli.Commands;

/// <summary>Runs the PyTorch anchor script and reads its per-epoch wall times.</summary>
internal static partial class PyTorchReference
{
    private const string Python = "/usr/bin/python3";

    public static double SecondsPerEpoch(string scriptPath, string mnistDirectory, int epochs)
    {
        if (!File.Exists(Python))
        {
            throw new FileNotFoundException($"--reference needs {Python} with torch installed.", Python);
        }

        if (!File.Exists(scriptPath))
        {
            throw new FileNotFoundException($"PyTorch reference script not found at '{Path.GetFullPath(scriptPath)}'; pass --reference-script.", scriptPath);
        }

        var start = new ProcessStartInfo(Python, [Path.GetFileName(scriptPath)])
        {
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(scriptPath)),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["EPOCHS"] = epochs.ToString(CultureInfo.InvariantCulture);
        start.Environment["OMP_WAIT_POLICY"] = "PASSIVE";
        start.Environment["MNIST_DIR"] = mnistDirectory;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Python}.");
        var stderr = process.StandardError.ReadToEndAsync();
        var times = new List<double>();
        while (process.StandardOutput.ReadLine() is { } line)
        {
            var match = EpochLine().Match(line);
            if (match.Success)
            {
                times.Add(double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
            }
        }

        process.WaitForExit();
        if (times.Count < 2)
        {
            throw new InvalidOperationException($"The PyTorch reference printed {times.Count} epoch times (exit code {process.ExitCode}): {stderr.Result.Trim()}");
        }

        var steady = times.Skip(1).Order().ToList();
        return steady[steady.Count / 2];
    }

    [GeneratedRegex(@"^epoch\s+\d+\s+train loss/sample\s+\S+\s+wall\s+([0-9.]+) s")]
    private static partial Regex EpochLine();
}
