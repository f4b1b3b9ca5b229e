using System.Diagnostics;
using System.Text.Json;
using LatentWorkbench.Common;
using LatentWorkbench.Compute;
using TorchSharp;

namespace LatentWorkbench.Cli.Commands;

/// <summary>Runs the umap-js anchor (tools/anchors/umap_js/run.mjs) with Node on a matrix and reads its embedding and times.</summary>
internal static class UmapJsReference
{
    /// <summary>The embedding (N×2), fit wall seconds, fit CPU seconds and epochs umap-js reports.</summary>
    public static (torch.Tensor Embedding, double Seconds, double CpuSeconds, int Epochs) Run(
        string anchorDirectory, torch.Tensor data, int neighbors, double minDist, int epochs, int seed)
    {
        using var host = TensorSpans.OnHost(data, nameof(data));
        long rows = host.shape[0], cols = host.shape[1];
        string script = Path.Combine(anchorDirectory, "run.mjs");
        if (!File.Exists(script))
        {
            throw new FileNotFoundException($"umap-js anchor script not found at '{Path.GetFullPath(script)}'; pass --reference-dir.", script);
        }

        if (!Directory.Exists(Path.Combine(anchorDirectory, "node_modules", "umap-js")))
        {
            Console.Error.WriteLine($"  installing umap-js 1.4.0 in {anchorDirectory} (npm ci)...");
            RunToEnd("npm", ["ci", "--no-audit", "--no-fund"], anchorDirectory);
        }

        string folder = Path.Combine(Path.GetTempPath(), "workbench-umap-js-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            string input = Path.Combine(folder, "input.f32"), output = Path.Combine(folder, "embedding.f32");
            AtomicFile.Write(input, stream => stream.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(TensorSpans.Floats(host))));
            string stdout = RunToEnd("node", [script, input, $"{rows}", $"{cols}", $"{neighbors}", minDist.ToString("R", System.Globalization.CultureInfo.InvariantCulture), $"{epochs}", $"{seed}", output], anchorDirectory);
            using var report = JsonDocument.Parse(stdout.Trim().Split('\n')[^1]);
            var bytes = File.ReadAllBytes(output);
            var points = new float[bytes.Length / sizeof(float)];
            Buffer.BlockCopy(bytes, 0, points, 0, bytes.Length);
            if (points.Length != rows * 2)
            {
                throw new InvalidOperationException($"umap-js wrote {points.Length} values; expected {rows} × 2.");
            }

            var root = report.RootElement;
            return (torch.tensor(points, [rows, 2]), root.GetProperty("seconds").GetDouble(), root.GetProperty("cpu_seconds").GetDouble(), root.GetProperty("epochs").GetInt32());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string RunToEnd(string program, string[] arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"--reference needs '{program}' on the PATH (Node.js with npm): {e.Message}", e);
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {stderr.Result.Trim()}");
            }

            return stdout;
        }
    }
}
