using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using LatentWorkbench.Compute;
using LatentWorkbench.Data;
using LatentWorkbench.Models;
using LatentWorkbench.Models.Layers;
using LatentWorkbench.Training;
using TorchSharp;

namespace LatentWorkbench.Cli.Commands;

/// <summary>
/// The epoch benches (<c>bench vae-epoch</c>, <c>bench ae-epoch</c>): steady-state seconds (wall and CPU) per epoch of one of
/// the library's models on TorchSharp after one warm-up epoch, the working set after each epoch, and optionally the same
/// model in PyTorch (a script in tools/reference/) in the same run, as ratios.
/// </summary>
internal static class EpochBench
{
    /// <summary>A model with what trains it, built after the seed is set.</summary>
    /// <param name="Model">The model, on the CPU.</param>
    /// <param name="Optimizer">Its optimiser.</param>
    /// <param name="Training">Batch size and the rest (the bench sets the epochs).</param>
    public sealed record Setup(ITrainableModel Model, torch.optim.Optimizer Optimizer, TrainerOptions Training);

    /// <summary>The bench command <paramref name="name"/>: builds <paramref name="build"/>'s model with <paramref name="seed"/> and trains it on the 60,000 training digits.</summary>
    /// <param name="name">The subcommand, e.g. <c>ae-epoch</c>.</param>
    /// <param name="description">What it measures, for --help.</param>
    /// <param name="referenceScript">The PyTorch script's file name under tools/reference/.</param>
    /// <param name="seed">The seed set before <paramref name="build"/> runs.</param>
    /// <param name="build">Creates the model and its optimiser (the bench moves the model to the device).</param>
    public static Command Create(string name, string description, string referenceScript, long seed, Func<Setup> build)
    {
        var epochs = new Option<int>("--epochs") { Description = "Measured epochs after the warm-up epoch (the median is reported).", DefaultValueFactory = _ => 1 };
        var torchOptions = new CommonTorchOptions();
        var reference = new Option<bool>("--reference") { Description = $"Also run the PyTorch reference (tools/reference/{referenceScript}, 2 threads, OMP_WAIT_POLICY=PASSIVE) in the same run and print the ratio." };
        var script = new Option<string?>("--reference-script") { Description = $"Path of the PyTorch reference script (default: tools/reference/{referenceScript} in the repository)." };
        var dir = new Option<string?>("--dir") { Description = "MNIST folder (default: data/mnist or $LATENTWORKBENCH_MNIST_DIR)." };
        var ownGemm = new Option<bool>("--own-linear") { Description = "Run the MLP autoencoder's linear layers on our SGEMM instead of libtorch's (DenseLayers.UseOwnGemmOnCpu; off by default, measured slower)." };
        var command = new Command(name, description) { epochs, torchOptions.Device, torchOptions.Threads, reference, script, dir, ownGemm };
        CliAction.Set(command, (parse, cancellationToken) =>
        {
            var device = Devices.Resolve(torchOptions.Apply(parse));
            DenseLayers.UseOwnGemmOnCpu = parse.GetValue(ownGemm);
            string mnistDirectory = CliAction.MnistDirectory(parse.GetValue(dir));
            var mnist = Mnist.Load(mnistDirectory);
            using var train = mnist.Train.To(device);
            torch.manual_seed(seed);
            var setup = build();
            setup.Model.Module.to(device);
            using var optimizer = setup.Optimizer;
            var meter = new EpochMeter();
            var options = setup.Training with { Epochs = 1 + parse.GetValue(epochs) };
            new Trainer(options, meter).Fit(setup.Model, optimizer, train.Images, cancellationToken);
            double wall = Median(meter.WallSeconds.Skip(1)), cpu = Median(meter.CpuSeconds.Skip(1));
            string threads = string.Create(CultureInfo.InvariantCulture, $"{torch.get_num_threads()} torch threads, {device.type.ToString().ToLowerInvariant()}, OpenMP {TorchRuntime.OpenMpWaitPolicy}, heap {TorchRuntime.HeapPolicy}, linear layers on {(DenseLayers.UseOwnGemmOnCpu ? "our SGEMM" : "libtorch")}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"torchsharp: {wall:F3} s/epoch (median of {meter.WallSeconds.Count - 1} after 1 warm-up epoch; {threads})"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"torchsharp: {cpu:F3} CPU-s/epoch (all threads)"));
            Console.WriteLine($"torchsharp: working set after each epoch (MB): {string.Join(", ", meter.WorkingSetMegabytes.Select(m => m.ToString("F0", CultureInfo.InvariantCulture)))}; peak {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB");
            if (parse.GetValue(reference))
            {
                string path = parse.GetValue(script) ?? Path.Combine(DataPaths.FindRepositoryRoot() ?? Directory.GetCurrentDirectory(), "tools", "reference", referenceScript);
                var (torchWall, torchCpu) = PyTorchEpochReference.SecondsPerEpoch(path, mnistDirectory, 1 + parse.GetValue(epochs));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pytorch   : {torchWall:F3} s/epoch (median after epoch 1, 2 threads, OMP_WAIT_POLICY=PASSIVE as the anchor runs)"));
                if (torchCpu is { } referenceCpu)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pytorch   : {referenceCpu:F3} CPU-s/epoch (all threads, from /proc)"));
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio     : {cpu / referenceCpu:F3} CPU time (TorchSharp / PyTorch; meaningful on a shared machine)"));
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio     : {wall / torchWall:F3} wall time (TorchSharp / PyTorch; target ≤ 1.0 on a quiet machine)"));
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
