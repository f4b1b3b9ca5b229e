using LatentWorkbench.Compute;
using LatentWorkbench.Data;
using LatentWorkbench.Models.Vaes;
using LatentWorkbench.Runs;
using LatentWorkbench.Training;
using TorchSharp;

namespace LatentWorkbench.Experiments;

/// <summary>
/// The seed-VAE recipe: seed, build, train on the 60k training digits (or reuse a stored run of the same
/// configuration), evaluate on the 10k test digits. The CLI's <c>train vae</c> and the notebooks call it.
/// </summary>
public static class VaeExperiment
{
    /// <summary>The model name runs are stored under.</summary>
    public const string ModelName = "vae";

    /// <summary>
    /// Trains and evaluates a VAE as <paramref name="options"/> say, reporting through <paramref name="callbacks"/>.
    /// With a <paramref name="store"/>, a completed run of the same configuration is loaded instead of trained
    /// (unless <paramref name="force"/>), and a new run is recorded there with its per-epoch metrics and checkpoint.
    /// </summary>
    public static VaeExperimentResult Run(
        VaeExperimentOptions options,
        MnistData mnist,
        IReadOnlyList<ITrainingCallback>? callbacks = null,
        RunStore? store = null,
        bool force = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(mnist);
        options.Validate();
        var device = Devices.Resolve(options.Device);
        string deviceName = device.type.ToString().ToLowerInvariant();
        using var test = MnistSplitTensors.From(mnist.Test, device);
        Vae model;
        IReadOnlyList<EpochReport> epochs;
        long? runId = null;
        bool fromCache = false;
        if (store is null)
        {
            (model, epochs) = Train(options, mnist, device, callbacks, null, cancellationToken);
        }
        else
        {
            IReadOnlyList<EpochReport> trained = [];
            Vae? trainedModel = null;
            var outcome = store.GetOrTrain(ModelName, CacheKey(options), deviceName, recorder =>
            {
                string checkpoint = recorder.CheckpointPath(".pt");
                var recorded = options with { Training = options.Training with { CheckpointPath = checkpoint } };
                (trainedModel, trained) = Train(recorded, mnist, device, callbacks, recorder, cancellationToken);
                return checkpoint;
            }, force);
            (runId, fromCache) = (outcome.Run.Id, outcome.FromCache);
            if (trainedModel is null)
            {
                torch.manual_seed(options.Seed);
                model = new Vae(options.Model);
                Checkpoint.Load(model, outcome.Run.CheckpointPath!);
                model.to(device);
                epochs = outcome.Run.Epochs.Select(RunEpochs.ToReport).ToList();
            }
            else
            {
                (model, epochs) = (trainedModel, trained);
            }
        }

        var sampled = VaeEvaluation.NegativeElbo(model, test.Images, options.Training.BatchSize, options.TestNoiseSeed);
        var mean = VaeEvaluation.NegativeElbo(model, test.Images, options.Training.BatchSize, null);
        return new VaeExperimentResult(model, epochs, sampled.Loss, mean.Loss, deviceName, runId, fromCache);
    }

    /// <summary>What identifies a run for the cache: everything that changes the trained weights (not where the checkpoint goes, the device or the test seed).</summary>
    public static object CacheKey(VaeExperimentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new
        {
            options.Model,
            Training = options.Training with { CheckpointPath = null },
            options.Optimizer,
            options.Seed,
        };
    }

    private static (Vae Model, IReadOnlyList<EpochReport> Epochs) Train(
        VaeExperimentOptions options, MnistData mnist, torch.Device device, IReadOnlyList<ITrainingCallback>? callbacks, IRunRecorder? recorder, CancellationToken cancellationToken)
    {
        using var train = MnistSplitTensors.From(mnist.Train, device);
        torch.manual_seed(options.Seed);
        var model = new Vae(options.Model);
        model.to(device);
        using var optimizer = options.Optimizer.Create(model.parameters());
        var schedule = options.Optimizer.CreateSchedule(optimizer, options.Training.Epochs);
        ITrainingCallback[] all = recorder is null ? [.. callbacks ?? []] : [.. callbacks ?? [], new RunEpochs(recorder)];
        var history = new Trainer(options.Training, all).Fit(model, optimizer, train.Images, schedule, cancellationToken);
        return (model, history);
    }
}
