using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using LatentWorkbench.Compute;
using LatentWorkbench.Data;
using LatentWorkbench.Models.Vaes;
using LatentWorkbench.Runs;
using LatentWorkbench.Training;
using Spectre.Console;
using LatentWorkbench.Experiments.Vaes;

namespace LatentWorkbench.Cli.Commands;

/// <summary><c>workbench train vae</c> (and <c>train ae</c>, <see cref="TrainAutoencoderCommand"/>): the VAE family's recipe (<see cref="VaeExperiment"/>; defaults: the seed VAE) with a progress bar, per-epoch numbers and JSON.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var train = new Command("train", "Train models on MNIST.");
        train.Subcommands.Add(CreateVae());
        train.Subcommands.Add(TrainAutoencoderCommand.Create());
        return train;
    }

    private static Command CreateVae()
    {
        var defaults = VaeExperimentOptions.Default;
        var hidden = new Option<int>("--hidden") { Description = "Hidden layer width.", DefaultValueFactory = _ => defaults.Model.HiddenSize };
        var latent = new Option<int>("--latent") { Description = "Latent dimensions.", DefaultValueFactory = _ => defaults.LatentSize };
        var arch = new Option<VaeArchitecture>("--arch") { Description = "Network: mlp (the seed VAE) or conv.", DefaultValueFactory = _ => defaults.Architecture };
        var beta = new Option<double>("--beta") { Description = "KL weight β of the ELBO (1: the plain VAE; otherwise a β-VAE).", DefaultValueFactory = _ => ElboConfig.Beta };
        var iwaeK = new Option<int?>("--iwae-k") { Description = "Train the IWAE bound with this many importance samples instead of the ELBO." };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the 60k training images.", DefaultValueFactory = _ => defaults.Training.Epochs };
        var batch = new Option<int>("--batch") { Description = "Mini-batch size.", DefaultValueFactory = _ => defaults.Training.BatchSize };
        var lr = new Option<double>("--lr") { Description = "Learning rate.", DefaultValueFactory = _ => defaults.Optimizer.LearningRate };
        var seed = new Option<long>("--seed") { Description = "torch.manual_seed: initialization, shuffling and sampling.", DefaultValueFactory = _ => defaults.Seed };
        var options = new CommonTorchOptions();
        var json = new Option<string?>("--json") { Description = "Write epochs, test losses and peak memory as JSON to this file." };
        var checkpoint = new Option<string?>("--checkpoint") { Description = "Also write the final weights (PyTorch state_dict pickle) here." };
        var store = new Option<string?>("--store") { Description = $"Run store (default: data/runs/runs.db or ${RunStore.PathVariable}); a run with the same configuration is reused." };
        var force = new Option<bool>("--force") { Description = "Train even when the run store has this configuration." };
        var dir = new Option<string?>("--dir") { Description = "MNIST folder (default: data/mnist or $LATENTWORKBENCH_MNIST_DIR)." };
        var vae = new Command("vae", "The pytorch/examples VAE (784→hidden→(μ, log σ²) / latent→hidden→784, BCE(sum) + KL(sum), Adam) or a member of its family: conv network, β-VAE, IWAE.")
        {
            arch, hidden, latent, beta, iwaeK, epochs, batch, lr, seed, options.Device, options.Threads, json, checkpoint, store, force, dir,
        };
        CliAction.Set(vae, (parse, cancellationToken) =>
        {
            var experiment = defaults.WithLatentSize(parse.GetValue(latent)) with
            {
                Architecture = parse.GetValue(arch),
                Model = new VaeConfig(MnistSplit.PixelsPerImage, parse.GetValue(hidden), parse.GetValue(latent)),
                Variant = Variant(parse.GetValue(beta), parse.GetValue(iwaeK)),
                Training = defaults.Training with
                {
                    Epochs = parse.GetValue(epochs),
                    BatchSize = parse.GetValue(batch),
                },
                Optimizer = defaults.Optimizer with { LearningRate = parse.GetValue(lr) },
                Seed = parse.GetValue(seed),
                Device = options.Apply(parse),
            };
            experiment.Validate();
            var mnist = Mnist.Load(CliAction.MnistDirectory(parse.GetValue(dir)));
            var runs = RunStore.Open(parse.GetValue(store));
            Console.WriteLine($"model: {experiment.Title}");
            VaeExperimentResult? result = null;
            CliAction.ProgressConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(context => result = VaeExperiment.Run(experiment, mnist, [new EpochProgress(context, experiment.Training.Epochs)], runs, parse.GetValue(force), cancellationToken));
            if (result!.FromCache)
            {
                Console.WriteLine($"reused run {result.RunId} from {runs.Path} (same configuration; --force retrains)");
            }

            if (parse.GetValue(checkpoint) is { } checkpointPath)
            {
                Checkpoint.Save(result.Model.Module, checkpointPath);
            }

            long peak = Process.GetCurrentProcess().PeakWorkingSet64;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"test loss/sample: {result.TestLossSampled:F4} (z sampled), {result.TestLossMean:F4} (z = mu); device {result.Device}; peak working set {peak / 1048576.0:F0} MB"));
            if (parse.GetValue(json) is { } jsonPath)
            {
                TrainingJson.Write(jsonPath, result.Epochs, [new("test_loss_sampled", result.TestLossSampled), new("test_loss_mean", result.TestLossMean)], peak);
            }

            return Task.FromResult(0);
        });
        return vae;
    }

    // --iwae-k switches to the IWAE bound, which has no KL weight, so it excludes a β other than the default.
    // β = 1 is the plain ELBO (the seed VAE), any other β a β-VAE.
    private static VaeVariantConfig Variant(double beta, int? iwaeSamples) => iwaeSamples switch
    {
        null when beta == ElboConfig.Beta => ElboConfig.Instance,
        null => new BetaVaeConfig(beta),
        { } k when beta == ElboConfig.Beta => new IwaeConfig(k),
        _ => throw new ArgumentException("--beta and --iwae-k exclude each other: the IWAE bound has no KL weight."),
    };
}
