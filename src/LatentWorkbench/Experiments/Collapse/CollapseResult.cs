using LatentWorkbench.Metrics.Collapse;
using LatentWorkbench.Models.Vaes;
using LatentWorkbench.Training;

namespace LatentWorkbench.Experiments.Collapse;

/// <summary>One trained setting of the collapse study and its measures on held-out digits.</summary>
/// <param name="Setting">What was trained.</param>
/// <param name="Seed">The seed it was trained and measured with (<see cref="StudyOptions.Seed"/>).</param>
/// <param name="Model">The trained VAE (eval mode).</param>
/// <param name="Epochs">Per-epoch reports; their terms hold the probe's KL, active units and MI (<see cref="CollapseMonitor"/>).</param>
/// <param name="Collapse">KL per dimension, active units and MI on the probe test digits after training.</param>
/// <param name="Reconstruction">Mean −log p(x|z), z ~ q(z|x), on the NLL digits (nats).</param>
/// <param name="Kl">Mean KL(q(z|x) ‖ p(z)) on the NLL digits (nats).</param>
/// <param name="NegativeLogLikelihood">Importance-sampled −log p(x) on the NLL digits (nats).</param>
/// <param name="FromCache">Whether the weights came from the run store.</param>
public sealed record CollapseResult(
    CollapseSetting Setting,
    long Seed,
    KlRegularizedVae Model,
    IReadOnlyList<EpochReport> Epochs,
    CollapseReport Collapse,
    double Reconstruction,
    double Kl,
    double NegativeLogLikelihood,
    bool FromCache)
{
    /// <summary>Wall seconds of training (also for a cached run: the recorded epochs).</summary>
    public double TrainingSeconds => Epochs.Sum(e => e.Seconds);

    /// <summary><paramref name="count"/> samples [count, pixels]: z ~ N(0, I) seeded with <paramref name="seed"/>, decoded to pixel means (the rollout for an autoregressive decoder).</summary>
    public TorchSharp.torch.Tensor Samples(int count, long seed)
    {
        using var noGrad = TorchSharp.torch.no_grad();
        var device = Model.Module.parameters().First().device;
        using var noise = new TorchSharp.torch.Generator((ulong)seed, device);
        Model.Module.eval();
        return ((Models.Vaes.IVariationalAutoencoder)Model).Decode(TorchSharp.torch.randn([count, Model.LatentSize], device: device, generator: noise));
    }

    /// <summary>The per-epoch curve of one <see cref="CollapseMonitor"/> term (e.g. <see cref="CollapseMonitor.ActiveUnits"/>).</summary>
    public IReadOnlyList<double> Curve(string term) => [.. Epochs.Select(e => e.Terms.TryGetValue(term, out double v) ? v : double.NaN)];
}
