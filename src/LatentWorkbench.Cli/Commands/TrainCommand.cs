using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using LatentWorkbench.Data;
using LatentWorkbench.Kernels;
using LatentWorkbench.Models.Vae;
using LatentWorkbench.Optim;
using LatentWorkbench.Tensors;
using LatentWorkbench.Training;
using Spectre.Console;

namespace LatentWorkbench.Cli.Commands;

/// <summary><c>workbench train vae</c>: the seed tutorial's VAE on MNIST, with progress, per-epoch numbers and JSON.</summary>
internal static class TrainCommand
{
    /// <summary>Seed of the sampling noise in the test pass (the PyTorch anchor uses 1234 too).</summary>
    public const ulong TestNoiseSeed = 1234;

    public static Command Create()
    {
        var train = new Command("train", "Train models on MNIST.");
        train.Subcommands.Add(CreateVae());
        return train;
    }

    private static Command CreateVae()
    {
        var hidden = new Option<int>("--hidden") { Description = "Hidden layer width.", DefaultValueFactory = _ => 400 };
        var latent = new Option<int>("--latent") { Description = "Latent dimensions.", DefaultValueFactory = _ => 20 };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the 60k training images.", DefaultValueFactory = _ => 10 };
        var batch = new Option<int>("--batch") { Description = "Mini-batch size.", DefaultValueFactory = _ => 128 };
        var lr = new Option<float>("--lr") { Description = "Adam learning rate.", DefaultValueFactory = _ => 1e-3f };
        var seed = new Option<ulong>("--seed") { Description = "Seed for initialization, shuffling and sampling.", DefaultValueFactory = _ => 0UL };
        var threads = new Option<int?>("--threads") { Description = "Threads for the GEMM kernels (default: all cores)." };
        var json = new Option<string?>("--json") { Description = "Write epochs, test losses and peak memory as JSON to this file." };
        var checkpoint = new Option<string?>("--checkpoint") { Description = "Write the weights (safetensors) here after every epoch." };
        var dir = new Option<string?>("--dir") { Description = "MNIST folder (default: data/mnist or $LATENTWORKBENCH_MNIST_DIR)." };
        var vae = new Command("vae", "The pytorch/examples VAE: 784→hidden→(μ, log σ²) / latent→hidden→784, BCE(sum) + KL(sum), Adam.")
        {
            hidden, latent, epochs, batch, lr, seed, threads, json, checkpoint, dir,
        };
        CliAction.Set(vae, (parse, cancellationToken) =>
        {
            if (parse.GetValue(threads) is { } t)
            {
                ComputeThreads.Count = t;
            }

            var mnist = Mnist.Load(CliAction.MnistDirectory(parse.GetValue(dir)));
            var trainData = Tensor.Wrap(mnist.Train.Pixels, mnist.Train.FlatShape);
            var testData = Tensor.Wrap(mnist.Test.Pixels, mnist.Test.FlatShape);
            var config = new VaeConfig(MnistSplit.PixelsPerImage, parse.GetValue(hidden), parse.GetValue(latent));
            ulong seedValue = parse.GetValue(seed);
            var model = new Vae(config, new TensorRandom(seedValue));
            var optimizer = new Adam(model.Parameters(), parse.GetValue(lr));
            var options = new TrainerOptions
            {
                Epochs = parse.GetValue(epochs),
                BatchSize = parse.GetValue(batch),
                Seed = seedValue,
                CheckpointPath = parse.GetValue(checkpoint),
            };

            IReadOnlyList<EpochReport> history = [];
            CliAction.ProgressConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(context =>
                {
                    var progress = new ProgressCallback(context, options.Epochs);
                    history = new Trainer(options, progress).Fit(model, optimizer, trainData, cancellationToken);
                });

            double sampled = Trainer.Evaluate(model, testData, options.BatchSize, new TensorRandom(TestNoiseSeed));
            double mean = Trainer.Evaluate(model, testData, options.BatchSize, null);
            long peak = Process.GetCurrentProcess().PeakWorkingSet64;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"test loss/sample: {sampled:F4} (z sampled), {mean:F4} (z = mu); peak working set {peak / (1024.0 * 1024.0):F0} MB"));
            if (parse.GetValue(json) is { } jsonPath)
            {
                TrainingJson.Write(jsonPath, history, sampled, mean, peak);
            }

            return Task.FromResult(0);
        });
        return vae;
    }

    /// <summary>Drives a Spectre progress bar per epoch and prints each epoch's time and loss on stdout.</summary>
    private sealed class ProgressCallback(ProgressContext context, int epochs) : ITrainingCallback
    {
        private ProgressTask? _task;

        public void OnStepEnd(in StepReport report)
        {
            _task ??= context.AddTask($"epoch {report.Epoch}/{epochs}", maxValue: report.StepsPerEpoch);
            _task.Increment(1);
        }

        public void OnEpochEnd(EpochReport report)
        {
            _task?.StopTask();
            _task = null;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"epoch {report.Epoch,2}  train loss/sample {report.TrainLoss:F4}  {report.Seconds:F2} s"));
        }
    }
}
