using LatentWorkbench.Compute;
using LatentWorkbench.Models.Vaes;
using LatentWorkbench.Training;

namespace LatentWorkbench.Experiments;

/// <summary>
/// Everything that defines a seed-VAE run; the single source of its defaults (pytorch/examples vae/main.py:
/// 784-400-20, Adam 1e-3, batch 128, 10 epochs, seed 0, test noise seed 1234). The CLI's <c>train vae</c> and
/// <c>bench vae-epoch</c> and the notebooks bind to it.
/// </summary>
public sealed record VaeExperimentOptions
{
    /// <summary>The defaults.</summary>
    public static VaeExperimentOptions Default { get; } = new();

    /// <summary>Layer sizes.</summary>
    public VaeConfig Model { get; init; } = new();

    /// <summary>Epochs, batch size, clipping, checkpoint.</summary>
    public TrainerOptions Training { get; init; } = new();

    /// <summary>Optimiser and schedule.</summary>
    public OptimizerOptions Optimizer { get; init; } = new();

    /// <summary><c>torch.manual_seed</c> before the model is built: initialisation, shuffling and sampling follow from it.</summary>
    public long Seed { get; init; }

    /// <summary>Seed of the sampling noise in the test pass (the PyTorch anchor's 1234).</summary>
    public long TestNoiseSeed { get; init; } = 1234;

    /// <summary>Where to train.</summary>
    public DeviceChoice Device { get; init; } = DeviceChoice.Auto;

    /// <summary>Throws naming the first invalid option.</summary>
    public void Validate()
    {
        Model.Validate();
        Training.Validate();
        Optimizer.Validate();
    }
}
