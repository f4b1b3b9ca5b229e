using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using LatentWorkbench.Compute;
using LatentWorkbench.Data;
using LatentWorkbench.Models.Vaes;
using LatentWorkbench.Training;
using TorchSharp;
using LatentWorkbench.Experiments.Vaes;

namespace LatentWorkbench.Cli.Commands;

/// <summary>
/// <c>workbench bench vae-epoch</c>: steady-state seconds (wall and CPU) per epoch of the seed VAE on TorchSharp after
/// one warm-up epoch, the working set after each epoch, and optionally the PyTorch reference (tools/reference/vae_epoch.py) in the same run, as ratios.
/// </summary>
internal static class VaeEpochBench
{
    public static Command Create()
    {
        var epochs = new Option<int>("--epochs") { Description = "Measured epochs after the warm-up epoch (the median is reported).", DefaultValueFactory = _ => 1 };
        var torchOptions = new CommonTorchOptions();
        var reference = new Option<bool>("--reference") { Description = "Also run the PyTorch reference (tools/reference/vae_epoch.py, 2 threads, OMP_WAIT_POLICY=PASSIVE) in the same run and print the ratio." };
        var script = new Option<string?>("--reference-script") { Description = "Path of the PyTorch reference script (default: tools/reference/vae_epoch.py in the repository)." };
        var dir = new Option<string?>("--dir") { Description = "MNIST folder (default: data/mnist or $LATENTWORKBENCH_MNIST_DIR)." };
        var command = new Command("vae-epoch", "Seconds per steady-state epoch of the seed VAE (784-400-20, batch 128, Adam), wall and CPU, and memory per epoch.")
        {
            epochs, torchOptions.Device, torchOptions.Threads, reference, script, dir,
        };
        CliAction.Set(command, (parse, cancellationToken) =>
        {
            var device = Devices.Resolve(torchOptions.Apply(parse));
            string mnistDirectory = CliAction.MnistDirectory(parse.GetValue(dir));
            var mnist = Mnist.Load(mnistDirectory);
            var defaults = VaeExperimentOptions.Default;
            using var train = mnist.Train.To(device);
            torch.manual_seed(defaults.Seed);
            var model = new Vae(defaults.Model);
            model.to(device);
            using var optimizer = defaults.Optimizer.Create(model.parameters());
            var meter = new EpochMeter();
            var options = defaults.Training with { Epochs = 1 + parse.GetValue(epochs) };
            new Trainer(options, meter).Fit(model, optimizer, train.Images, cancellationToken);
            double wall = Median(meter.WallSeconds.Skip(1)), cpu = Median(meter.CpuSeconds.Skip(1));
            string threads = string.Create(CultureInfo.InvariantCulture, $"{torch.get_num_threads()} torch threads, {device.type.ToString().ToLowerInvariant()}, OpenMP {TorchRuntime.OpenMpWaitPolicy}, heap {TorchRuntime.HeapPolicy}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"torchsharp: {wall:F3} s/epoch (median of {meter.WallSeconds.Count - 1} after 1 warm-up epoch; {threads})"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"torchsharp: {cpu:F3} CPU-s/epoch (all threads)"));
            Console.WriteLine($"torchsharp: working set after each epoch (MB): {string.Join(", ", meter.WorkingSetMegabytes.Select(m => m.ToString("F0", CultureInfo.InvariantCulture)))}; peak {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB");
            if (parse.GetValue(reference))
            {
                string path = parse.GetValue(script) ?? Path.Combine(DataPaths.FindRepositoryRoot() ?? Directory.GetCurrentDirectory(), "tools", "reference", "vae_epoch.py");
                var (torchWall, torchCpu) = PyTorchReference.SecondsPerEpoch(path, mnistDirectory, 1 + parse.GetValue(epochs));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pytorch   : {torchWall:F3} s/epoch (median after epoch 1, 2 threads, OMP_WAIT_POLICY=PASSIVE as the anchor runs)"));
                if (torchCpu is { } referenceCpu)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pytorch   : {referenceCpu:F3} CPU-s/epoch (all threads, from /proc)"));
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio     : {cpu / referenceCpu:F3} CPU time (TorchSharp / PyTorch; meaningful on a shared machine)"));
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio     : {wall / torchWall:F3} wall time (TorchSharp / PyTorch; target ≤ 1.1 on a quiet machine)"));
            }

            return Task.FromResult(0);
        });
        return command;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    /// <summary>Wall time, process CPU time and working set of every epoch.</summary>
    private sealed class EpochMeter : ITrainingCallback
    {
        private TimeSpan _cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;

        public List<double> WallSeconds { get; } = [];

        public List<double> CpuSeconds { get; } = [];

        public List<double> WorkingSetMegabytes { get; } = [];

        public bool OnEpochEnd(EpochReport report)
        {
            using var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            WallSeconds.Add(report.Seconds);
            CpuSeconds.Add((cpu - _cpuAtStart).TotalSeconds);
            WorkingSetMegabytes.Add(process.WorkingSet64 / 1048576.0);
            _cpuAtStart = cpu;
            return true;
        }
    }
}
