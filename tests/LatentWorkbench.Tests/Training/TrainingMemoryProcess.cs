using System.Diagnostics;
using System.Globalization;
using LatentWorkbench.Compute;
using LatentWorkbench.Metrics.Collapse;
using LatentWorkbench.Models;
using LatentWorkbench.Models.Autoencoders;
using LatentWorkbench.Models.Classifiers;
using LatentWorkbench.Models.Gans;
using LatentWorkbench.Models.Vaes;
using LatentWorkbench.Runs;
using LatentWorkbench.Training;
using TorchSharp;

namespace LatentWorkbench.Tests.Training;

/// <summary>
/// A child process that trains one model through one training path and prints, after every epoch, its working set and
/// the number of live TorchSharp tensors: <c>dotnet LatentWorkbench.Tests.dll training-memory PATH STORE</c>.
/// </summary>
/// <remarks>
/// A process of its own, because the working set is the whole process's (parallel tests would move it) and because the
/// garbage collector's gen-0 budget, which decides when native memory left to finalizers comes back, can only be set
/// at start (<see cref="Gen0Budget"/>: the budget of a server with a large cache, where training memory grew by a GB
/// an epoch).
/// </remarks>
public static class TrainingMemoryProcess
{
    /// <summary>The first argument that selects this process.</summary>
    public const string Verb = "training-memory";

    /// <summary>Epochs each path trains.</summary>
    public const int Epochs = 6;

    /// <summary>64 MB: a gen-0 budget .NET picks on processors with large caches (the machine the leak was seen on).</summary>
    public const string Gen0Budget = "0x4000000";

    private const int Examples = 4096;
    private const int BatchSize = 128;

    /// <summary>The training paths with a loop or callbacks of their own.</summary>
    public static readonly IReadOnlyList<string> Paths = ["vae", "kl-schedule", "denoising-autoencoder", "classifier", "gan", "collapse-monitor"];

    /// <summary>One epoch's measurement.</summary>
    public sealed record EpochMemory(int Epoch, double WorkingSetMegabytes, long LiveTensors);

    /// <summary>Trains <paramref name="path"/> and writes one line per epoch, <c>epoch working-set-MB live-tensors</c>.</summary>
    public static int Run(string path, string storePath)
    {
        TorchRuntime.EnsureInitialized();
        torch.set_num_threads(2);
        using var generator = new torch.Generator(7);
        // Blobs of random pixel patterns with labels: enough structure for every model to train, no MNIST needed.
        var basis = torch.rand([10, 784], generator: generator);
        var labels = torch.randint(0, 10, [Examples], generator: generator);
        var inputs = (basis.index_select(0, labels) * 0.7 + torch.rand([Examples, 784], generator: generator) * 0.3).clamp(0, 1);
        var data = new TrainingData(inputs, labels, $"memory-probe:{Examples}");
        var store = RunStore.Open(storePath);
        var meter = new Meter();
        var training = new TrainerOptions { Epochs = Epochs, BatchSize = BatchSize };
        switch (path)
        {
            case "vae":
                Train(new ModelRecipe<Vae, VaeConfig> { ModelName = "vae", Config = new VaeConfig(), Build = () => new Vae(), Training = training }, data.WithoutLabels(), store, meter);
                break;
            case "kl-schedule":
                var schedule = new KlRegularization(KlSchedule.Cyclical(cycleSteps: 64, cycles: 3), FreeBits: 0.1);
                Train(new ModelRecipe<KlRegularizedVae, KlRegularization> { ModelName = "kl", Config = schedule, Build = () => new KlRegularizedVae(new Vae(), schedule), Training = training }, data.WithoutLabels(), store, meter);
                break;
            case "denoising-autoencoder":
                var noise = new DenoisingOptions();
                Train(new ModelRecipe<DenoisingAutoencoder, DenoisingOptions> { ModelName = "dae", Config = noise, Build = () => new DenoisingAutoencoder(new MlpAutoencoder(), noise), Training = training }, data.WithoutLabels(), store, meter);
                break;
            case "classifier":
                Train(new ModelRecipe<ConvClassifier, ConvClassifierConfig> { ModelName = "classifier", Config = new ConvClassifierConfig(), Build = () => new ConvClassifier(), Training = training }, data, store, meter);
                break;
            case "gan":
                Train(new ModelRecipe<Gan, GanConfig> { ModelName = "gan", Config = new GanConfig(), Build = () => new Gan(), Training = training }, data.WithoutLabels(), store, meter);
                break;
            case "collapse-monitor":
                var probe = inputs.narrow(0, 0, 256);
                AutoregressiveVae? built = null;
                var monitor = new CollapseMonitor(() => built!, probe);
                Train(new ModelRecipe<AutoregressiveVae, AutoregressiveVaeConfig> { ModelName = "arvae", Config = new AutoregressiveVaeConfig(DecoderHiddenSize: 64), Build = () => built = new AutoregressiveVae(new AutoregressiveVaeConfig(DecoderHiddenSize: 64)), Training = training with { Epochs = 4 } }, data.WithoutLabels(), store, meter, monitor);
                break;
            default:
                Console.Error.WriteLine($"unknown training path '{path}'; expected one of {string.Join(", ", Paths)}");
                return 2;
        }

        foreach (var epoch in meter.Epochs)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{epoch.Epoch} {epoch.WorkingSetMegabytes:F1} {epoch.LiveTensors}"));
        }

        return 0;
    }

    /// <summary>Starts this assembly as the child process for <paramref name="path"/> with the gen-0 budget set.</summary>
    public static IReadOnlyList<EpochMemory> Measure(string path, string storePath)
    {
        string assembly = typeof(TrainingMemoryProcess).Assembly.Location;
        string dotnet = Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";
        var info = new ProcessStartInfo(dotnet, ["exec", assembly, Verb, path, storePath])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.Environment["DOTNET_GCgen0size"] = Gen0Budget;
        info.Environment.Remove("MALLOC_MMAP_THRESHOLD_");
        info.Environment.Remove("MALLOC_TRIM_THRESHOLD_");
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {dotnet}");
        var errors = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), $"the {path} memory probe did not finish in 5 minutes");
        Assert.True(process.ExitCode == 0, $"the {path} memory probe exited with {process.ExitCode}: {errors.Result}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' '))
            .Select(f => new EpochMemory(int.Parse(f[0], CultureInfo.InvariantCulture), double.Parse(f[1], CultureInfo.InvariantCulture), long.Parse(f[2], CultureInfo.InvariantCulture)))
            .ToList();
    }

    private static void Train<TModel, TConfig>(ModelRecipe<TModel, TConfig> recipe, TrainingData data, RunStore store, Meter meter, IEpochMeasure? measure = null)
        where TModel : class, ITorchModel
        where TConfig : notnull
    {
        var progress = new TrainingProgress(recipe.ModelName, recipe.Training.Epochs);
        ITrainingCallback[] callbacks = measure is null ? [progress, meter] : [measure, progress, meter];
        ModelTraining.Train(recipe with { Device = DeviceChoice.Cpu }, data, store, callbacks);
    }

    /// <summary>Reads the working set and the live tensors at the end of each epoch, after every other callback.</summary>
    private sealed class Meter : ITrainingCallback
    {
        public List<EpochMemory> Epochs { get; } = [];

        public bool OnEpochEnd(EpochReport report)
        {
            using var process = Process.GetCurrentProcess();
            Epochs.Add(new EpochMemory(report.Epoch, process.WorkingSet64 / 1048576.0, DisposeScopeManager.Statistics.ThreadTotalLiveCount));
            return true;
        }
    }
}
