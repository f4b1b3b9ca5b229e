using LatentWorkbench.Models.Gans;
using LatentWorkbench.Training;
using TorchSharp;

namespace LatentWorkbench.Experiments.Gans;

/// <summary>One trained GAN of the mode-collapse study.</summary>
/// <param name="Setting">What was trained.</param>
/// <param name="Seed">The seed it was trained with (<see cref="StudyOptions.Seed"/>).</param>
/// <param name="Model">The trained GAN (eval mode).</param>
/// <param name="Epochs">Per-epoch reports (discriminator and generator losses, D's score of real digits).</param>
/// <param name="Snapshots">Per epoch, <see cref="GanExperimentOptions.SnapshotCount"/> samples from the same noise, each a float32
/// CPU tensor [count, pixels] in [0, 1]; empty when a cached run has no snapshot file.</param>
/// <param name="FromCache">Whether the weights came from the run store.</param>
public sealed record GanResult(GanSetting Setting, long Seed, Gan Model, IReadOnlyList<EpochReport> Epochs, IReadOnlyList<torch.Tensor> Snapshots, bool FromCache)
{
    /// <summary>Wall seconds of training (the recorded epochs, also for a cached run).</summary>
    public double TrainingSeconds => Epochs.Sum(e => e.Seconds);

    /// <summary><paramref name="count"/> samples [count, pixels] from noise seeded with <paramref name="seed"/>, without gradients.</summary>
    public torch.Tensor Samples(int count, long seed)
    {
        using var noGrad = torch.no_grad();
        var device = Model.parameters().First().device;
        using var noise = new torch.Generator((ulong)seed, device);
        Model.eval();
        return Model.Sample(count, noise);
    }
}
