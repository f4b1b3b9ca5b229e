using LatentWorkbench.Compute;
using LatentWorkbench.Data;
using LatentWorkbench.Models.Vaes;
using LatentWorkbench.Training;
using TorchSharp;

namespace LatentWorkbench.Experiments;

/// <summary>The seed-VAE recipe: seed, build, train on the 60k training digits, evaluate on the 10k test digits.</summary>
public static class VaeExperiment
{
    /// <summary>Trains and evaluates a VAE as <paramref name="options"/> say, reporting through <paramref name="callbacks"/>.</summary>
    public static VaeExperimentResult Run(VaeExperimentOptions options, MnistData mnist, IReadOnlyList<ITrainingCallback>? callbacks = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(mnist);
        options.Validate();
        var device = Devices.Resolve(options.Device);
        using var train = MnistSplitTensors.From(mnist.Train, device);
        using var test = MnistSplitTensors.From(mnist.Test, device);
        torch.manual_seed(options.Seed);
        var model = new Vae(options.Model);
        model.to(device);
        using var optimizer = options.Optimizer.Create(model.parameters());
        var schedule = options.Optimizer.CreateSchedule(optimizer, options.Training.Epochs);
        var history = new Trainer(options.Training, [.. callbacks ?? []]).Fit(model, optimizer, train.Images, schedule, cancellationToken);
        var sampled = VaeEvaluation.NegativeElbo(model, test.Images, options.Training.BatchSize, options.TestNoiseSeed);
        var mean = VaeEvaluation.NegativeElbo(model, test.Images, options.Training.BatchSize, null);
        return new VaeExperimentResult(model, history, sampled.Loss, mean.Loss, device.type.ToString().ToLowerInvariant());
    }
}
