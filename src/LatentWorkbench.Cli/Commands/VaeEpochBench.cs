using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using LatentWorkbench.Data;
using LatentWorkbench.Kernels;
using LatentWorkbench.Models.Vae;
using LatentWorkbench.Optim;
using LatentWorkbench.Tensors;
using LatentWorkbench.Training;

namespace LatentWorkbench.Cli.Commands;

/// <summary>
/// <c>workbench bench vae-epoch</c>: steady-state seconds per epoch of the seed VAE (after one warm-up epoch)
/// and managed bytes allocated per training step; optionally the PyTorch anchor in the same run, as a ratio.
/// </summary>
internal static class VaeEpochBench
{
    public static Command Create()
    {
        var epochs = new Option<int>("--epochs") { Description = "Measured epochs after the warm-up epoch (the median is reported).", DefaultValueFactory = _ => 1 };
        var threads = new Option<int?>("--threads") { Description = "Threads for the GEMM kernels (default: all cores)." };
        var reference = new Option<bool>("--reference") { Description = "Also run the PyTorch anchor (../shared/anchors/a1_vae.py, 2 threads, OMP_WAIT_POLICY=PASSIVE) and print the ratio." };
        var script = new Option<string?>("--reference-script") { Description = "Path of a1_vae.py (default: ../shared/anchors/a1_vae.py)." };
        var dir = new Option<string?>("--dir") { Description = "MNIST folder (default: data/mnist or $LATENTWORKBENCH_MNIST_DIR)." };
        var command = new Command("vae-epoch", "Seconds per steady-state epoch of the seed VAE (784-400-20, batch 128, Adam) and bytes allocated per step.")
        {
            epochs, threads, reference, script, dir,
        };
        CliAction.Set(command, (parse, cancellationToken) =>
        {
            if (parse.GetValue(threads) is { } t)
            {
                ComputeThreads.Count = t;
            }

            string mnistDirectory = CliAction.MnistDirectory(parse.GetValue(dir));
            var mnist = Mnist.Load(mnistDirectory);
            var data = Tensor.Wrap(mnist.Train.Pixels, mnist.Train.FlatShape);
            var model = new Vae(new VaeConfig(), new TensorRandom(0));
            var optimizer = new Adam(model.Parameters(), 1e-3f);
            var meter = new AllocationMeter();
            var options = new TrainerOptions { Epochs = 1 + parse.GetValue(epochs), BatchSize = 128, Seed = 0 };
            var history = new Trainer(options, meter).Fit(model, optimizer, data, cancellationToken);
            var steady = history.Skip(1).Select(h => h.Seconds).Order().ToList();
            double median = steady[steady.Count / 2];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"engine : {median:F3} s/epoch (median of {steady.Count} after 1 warm-up epoch; {ComputeThreads.Count} GEMM threads)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"engine : {meter.CpuSecondsPerEpoch:F3} CPU-s/epoch (all threads; robust to a shared machine, unlike wall time)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"engine : {meter.BytesPerStepAllThreads:F0} B allocated per step (all threads), {meter.BytesPerStepTrainingThread:F0} B on the training thread; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB"));
            if (parse.GetValue(reference))
            {
                string path = parse.GetValue(script) ?? Path.Combine("..", "shared", "anchors", "a1_vae.py");
                var (torch, torchCpu) = PyTorchReference.SecondsPerEpoch(path, mnistDirectory, 1 + parse.GetValue(epochs));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pytorch: {torch:F3} s/epoch (median after epoch 1, OMP_WAIT_POLICY=PASSIVE, 2 threads)"));
                if (torchCpu is { } cpu)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pytorch: {cpu:F3} CPU-s/epoch (all threads, from /proc)"));
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio  : {meter.CpuSecondsPerEpoch / cpu:F3} CPU time (engine / PyTorch; meaningful on a shared machine)"));
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio  : {median / torch:F3} wall time (engine / PyTorch; target ≤ 0.7 on a quiet machine)"));
            }

            return Task.FromResult(0);
        });
        return command;
    }

    /// <summary>Counts managed allocations over the steady-state steps (from the second epoch's first step to the last).</summary>
    private sealed class AllocationMeter : ITrainingCallback
    {
        private long _startAll;
        private long _startThread;
        private long _firstStep;
        private TimeSpan _startCpu;

        public double BytesPerStepAllThreads { get; private set; }

        public double BytesPerStepTrainingThread { get; private set; }

        public double CpuSecondsPerEpoch { get; private set; }

        public void OnStepEnd(in StepReport report)
        {
            if (report.Epoch < 2)
            {
                return;
            }

            long all = GC.GetTotalAllocatedBytes(precise: true);
            long thread = GC.GetAllocatedBytesForCurrentThread();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            if (_firstStep == 0)
            {
                (_firstStep, _startAll, _startThread, _startCpu) = (report.GlobalStep, all, thread, cpu);
                return;
            }

            long steps = report.GlobalStep - _firstStep;
            CpuSecondsPerEpoch = (cpu - _startCpu).TotalSeconds * report.StepsPerEpoch / steps;
            BytesPerStepAllThreads = (all - _startAll) / (double)steps;
            BytesPerStepTrainingThread = (thread - _startThread) / (double)steps;
        }
    }
}
