using LatentWorkbench.Training;
using TorchSharp;

namespace LatentWorkbench.Models.Vaes;

/// <summary>
/// Any <see cref="IVariationalAutoencoder"/> trained on reconstruction + β(t)·KL with optional free bits
/// (<see cref="KlRegularization"/>): KL warm-up, cyclical annealing, free bits and β &lt; 1 as options of one loss. Only the
/// loss differs from the wrapped model.
/// </summary>
/// <remarks>
/// The step count t comes from the trainer: this variant is an <see cref="ITrainingCallback"/> and counts finished steps
/// (<c>ModelTraining</c> registers a model that is a callback; with a bare <see cref="Trainer"/> pass it among the callbacks).
/// Loss on a batch of B: Σ_b BCE + β(t)·K with K = Σ_b Σ_u KL_bu, or with free bits λ, K = B·Σ_u max(λ, (1/B)Σ_b KL_bu)
/// (the floor applies to each dimension's batch mean, as in Kingma et al. 2016). An autoregressive decoder
/// (<see cref="ITeacherForcedDecoder"/>) is scored with x fed in. Reported terms: the unweighted reconstruction and KL,
/// and <c>kl_weight</c> (β(t), so the epoch mean shows the schedule).
/// </remarks>
public sealed class KlRegularizedVae : VaeLossVariant, ITrainingCallback
{
    /// <summary>Name of the β(t) term in <see cref="ModelLoss.Terms"/> (its epoch mean is the mean weight).</summary>
    public const string KlWeight = "kl_weight";

    /// <summary>Wraps <paramref name="vae"/> with <paramref name="regularization"/>.</summary>
    public KlRegularizedVae(IVariationalAutoencoder vae, KlRegularization regularization)
        : base(vae)
    {
        ArgumentNullException.ThrowIfNull(regularization);
        regularization.Validate();
        Regularization = regularization;
    }

    /// <summary>The schedule and free bits.</summary>
    public KlRegularization Regularization { get; }

    /// <summary>Optimiser steps finished so far (t).</summary>
    public long CompletedSteps { get; private set; }

    /// <summary>β(t) for the next step.</summary>
    public double CurrentWeight => Regularization.EffectiveSchedule.Weight(CompletedSteps);

    /// <inheritdoc/>
    public void OnStepEnd(in StepReport report) => CompletedSteps = report.GlobalStep;

    /// <inheritdoc/>
    public override ModelLoss Loss(torch.Tensor batch)
    {
        var posterior = Vae.Encode(batch);
        var z = posterior.Sample();
        var x = batch.reshape(batch.shape[0], -1);
        var logits = Vae is ITeacherForcedDecoder autoregressive ? autoregressive.ReconstructionLogits(z, x) : Vae.DecodeLogits(z);
        var reconstruction = VaeLoss.ReconstructionSum(logits, x);
        var klPerDimension = posterior.KlPerDimension();
        var kl = klPerDimension.sum();
        long b = x.shape[0];
        var penalised = Regularization.FreeBits > 0
            ? b * klPerDimension.mean([0L]).clamp_min(Regularization.FreeBits).sum()
            : kl;
        double weight = CurrentWeight;
        var total = reconstruction + (weight * penalised);
        var weightTerm = torch.tensor(weight * b, dtype: torch.float32, device: x.device);
        return new ModelLoss(total, [new(VaeLoss.Reconstruction, reconstruction), new(VaeLoss.Kl, kl), new(KlWeight, weightTerm)]);
    }
}
