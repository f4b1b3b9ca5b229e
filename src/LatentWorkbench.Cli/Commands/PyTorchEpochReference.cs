using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace LatentWorkbench.Cli.Commands;

/// <summary>Runs a PyTorch reference script of an epoch bench (tools/reference/*_epoch.py) and reads its per-epoch wall times.</summary>
internal static partial class PyTorchEpochReference
{
    private const string Python = "/usr/bin/python3";

    /// <summary>Median wall seconds and CPU seconds (from /proc, all threads) per epoch after the first.</summary>
    public static (double WallSeconds, double? CpuSeconds) SecondsPerEpoch(string scriptPath, string mnistDirectory, int epochs)
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
        // The reference runs PASSIVE with libgomp's own spin count. Our own spin setting
        // (docs/torchsharp.md) made Debian's PyTorch slower (5.8-6.4 s vs 4.4-4.9 s an epoch), so it is not inherited.
        start.Environment.Remove("GOMP_SPINCOUNT");
        start.Environment["MNIST_DIR"] = mnistDirectory;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Python}.");
        var stderr = process.StandardError.ReadToEndAsync();
        var times = new List<double>();
        var cpuAtEpochEnd = new List<double?>();
        while (process.StandardOutput.ReadLine() is { } line)
        {
            var match = EpochLine().Match(line);
            if (match.Success)
            {
                times.Add(double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
                cpuAtEpochEnd.Add(CpuSeconds(process.Id));
            }
        }

        process.WaitForExit();
        if (times.Count < 2)
        {
            throw new InvalidOperationException($"The PyTorch reference printed {times.Count} epoch times (exit code {process.ExitCode}): {stderr.Result.Trim()}");
        }

        var steady = times.Skip(1).Order().ToList();
        var cpu = new List<double>();
        for (int i = 1; i < cpuAtEpochEnd.Count; i++)
        {
            if (cpuAtEpochEnd[i] is { } epochEnd && cpuAtEpochEnd[i - 1] is { } epochStart)
            {
                cpu.Add(epochEnd - epochStart);
            }
        }

        cpu.Sort();
        return (steady[steady.Count / 2], cpu.Count > 0 ? cpu[cpu.Count / 2] : null);
    }

    /// <summary>utime + stime of a live process from /proc/PID/stat (clock ticks of 1/100 s), or null where unavailable.</summary>
    private static double? CpuSeconds(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (IOException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"^epoch\s+\d+\s+train loss/sample\s+\S+\s+wall\s+([0-9.]+) s")]
    private static partial Regex EpochLine();
}
