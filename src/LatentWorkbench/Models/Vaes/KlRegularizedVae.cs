using TorchSharp;

namespace LatentWorkbench.Models.Vaes;

/// <summary>
/// Any <see cref="IVariationalAutoencoder"/> trained on reconstruction + β(t)·KL with optional free bits
/// (<see cref="KlRegularization"/>, its config): KL warm-up, cyclical annealing, free bits and β &lt; 1 as one loss
/// term. Only the loss differs from the network.
/// </summary>
/// <remarks>
/// The step t comes with the loss: the trainer passes <see cref="TrainingTime"/> (steps already taken) into
/// <see cref="VaeVariant.Loss(torch.Tensor, TrainingTime)"/>. Loss on a batch: Σ_b BCE + <see cref="KlRegularization.Penalty"/>.
/// Reported terms: the unweighted reconstruction and KL, and <c>kl_weight</c> (β(t), so the epoch mean shows the schedule).
/// </remarks>
public sealed class KlRegularizedVae : VaeVariant
{
    /// <summary>Name of the β(t) term in <see cref="ModelLoss.Terms"/> (its epoch mean is the mean weight).</summary>
    public const string KlWeight = "kl_weight";

    /// <summary>Wraps <paramref name="network"/> with <paramref name="regularization"/>.</summary>
    public KlRegularizedVae(IVariationalAutoencoder network, KlRegularization regularization)
        : base(network)
    {
        ArgumentNullException.ThrowIfNull(regularization);
        regularization.Validate();
        Regularization = regularization;
    }

    /// <summary>The schedule and free bits.</summary>
    public KlRegularization Regularization { get; }

    /// <inheritdoc/>
    protected override ModelLoss Loss(VaeForward forward, TrainingTime time)
    {
        ArgumentNullException.ThrowIfNull(forward);
        var reconstruction = VaeLoss.ReconstructionSum(forward.Logits, forward.X);
        var klPerDimension = forward.Posterior.KlPerDimension();
        var kl = klPerDimension.sum();
        var (penalty, weight) = Regularization.Penalty(klPerDimension, time);
        var total = reconstruction + penalty;
        var weightTerm = torch.tensor(weight * forward.X.shape[0], dtype: torch.float32, device: forward.X.device);
        return new ModelLoss(total, [new(VaeLoss.Reconstruction, reconstruction), new(VaeLoss.Kl, kl), new(KlWeight, weightTerm)]);
    }
}
