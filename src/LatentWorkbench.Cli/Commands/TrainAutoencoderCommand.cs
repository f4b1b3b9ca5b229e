using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using LatentWorkbench.Data;
using LatentWorkbench.Experiments;
using LatentWorkbench.Experiments.Autoencoders;
using LatentWorkbench.Runs;
using Spectre.Console;

namespace LatentWorkbench.Cli.Commands;

/// <summary>
/// <c>workbench train ae</c>: one autoencoder of notebook 02 (<see cref="AutoencoderExperiment"/>; defaults: the deep MLP of
/// Hinton &amp; Salakhutdinov at k = 30) with a progress bar, per-epoch numbers, the test squared error per image and JSON.
/// </summary>
/// <remarks>
/// The options are built as notebook 02 builds them (<see cref="AutoencoderExperimentOptions.Defaults"/> of the architecture,
/// then the budget, then what the user changed), so a model trained here is the one the notebook loads from the run store
/// with the same parameters, e.g. <c>train ae --budget long</c> and notebook 02 with <c>--set budget=long</c>.
/// </remarks>
internal static class TrainAutoencoderCommand
{
    public static Command Create()
    {
        var defaults = AutoencoderExperimentOptions.Default;
        var arch = new Option<AutoencoderArchitecture>("--arch") { Description = "mlp (Hinton & Salakhutdinov's 784-1000-500-250-k), linear, conv or denoising.", DefaultValueFactory = _ => defaults.Architecture };
        var code = new Option<int>("--code") { Description = "Code size k.", DefaultValueFactory = _ => defaults.CodeSize };
        var budget = new Option<StudyBudget>("--budget") { Description = "default (the architecture's own epochs on all training digits), quick (a smoke run) or long (StudyOptions.LongEpochFactor times the epochs).", DefaultValueFactory = _ => StudyBudget.Default };
        var epochs = new Option<int?>("--epochs") { Description = "Epochs, overriding the budget's." };
        var lr = new Option<double?>("--lr") { Description = "Adam's learning rate (default: the architecture's)." };
        var seed = new Option<long>("--seed") { Description = "torch.manual_seed: initialisation and shuffling.", DefaultValueFactory = _ => defaults.Seed };
        var options = new CommonTorchOptions();
        var json = new Option<string?>("--json") { Description = "Write epochs, the test squared error per image and peak memory as JSON to this file." };
        var store = new Option<string?>("--store") { Description = $"Run store (default: data/runs/runs.db or ${RunStore.PathVariable}); a run with the same configuration is reused." };
        var force = new Option<bool>("--force") { Description = "Train even when the run store has this configuration." };
        var dir = new Option<string?>("--dir") { Description = "MNIST folder (default: data/mnist or $LATENTWORKBENCH_MNIST_DIR)." };
        var command = new Command("ae", "An autoencoder of notebook 02 (default: the deep MLP at k = 30), scored by the test squared error per image (Hinton & Salakhutdinov: 3.00 at k = 30).")
        {
            arch, code, budget, epochs, lr, seed, options.Device, options.Threads, json, store, force, dir,
        };
        CliAction.Set(command, (parse, cancellationToken) =>
        {
            var architecture = parse.GetValue(arch);
            var experiment = AutoencoderExperimentOptions.Defaults(architecture).WithBudget(parse.GetValue(budget)) with
            {
                CodeSize = parse.GetValue(code),
                Seed = parse.GetValue(seed),
                Device = options.Apply(parse),
            };
            if (parse.GetValue(epochs) is { } epochCount)
            {
                experiment = experiment with { Training = experiment.Training with { Epochs = epochCount } };
            }

            if (parse.GetValue(lr) is { } learningRate)
            {
                experiment = experiment with { Optimizer = experiment.Optimizer with { LearningRate = learningRate } };
            }

            experiment.Validate();
            var mnist = Mnist.Load(CliAction.MnistDirectory(parse.GetValue(dir)));
            var runs = RunStore.Open(parse.GetValue(store));
            Console.WriteLine($"model: {experiment.Label}, {experiment.Training.Epochs} epochs, {experiment.TrainCount?.ToString("N0", CultureInfo.InvariantCulture) ?? "all"} training digits");
            AutoencoderExperimentResult? result = null;
            CliAction.ProgressConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(context => result = AutoencoderExperiment.Run(experiment, mnist, [new EpochProgress(context, experiment.Training.Epochs)], runs, parse.GetValue(force), cancellationToken));
            if (result!.FromCache)
            {
                Console.WriteLine($"reused run {result.RunId} from {runs.Path} (same configuration; --force retrains)");
            }

            long peak = Process.GetCurrentProcess().PeakWorkingSet64;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"test squared error per image: {result.TestSquaredError:F4}; training {result.TrainingSeconds:F1} s over {result.Epochs.Count} epochs; device {result.Device}; peak working set {peak / 1048576.0:F0} MB"));
            if (parse.GetValue(json) is { } jsonPath)
            {
                TrainingJson.Write(jsonPath, result.Epochs, [new("test_squared_error", result.TestSquaredError)], peak);
            }

            return Task.FromResult(0);
        });
        return command;
    }
}
