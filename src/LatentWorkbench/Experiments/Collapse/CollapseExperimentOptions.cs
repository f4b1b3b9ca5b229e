using LatentWorkbench.Data;
using LatentWorkbench.Metrics.Likelihood;
using LatentWorkbench.Models.Vaes;
using LatentWorkbench.Training;

namespace LatentWorkbench.Experiments.Collapse;

/// <summary>
/// Everything shared by the runs of the posterior-collapse study (models, training, what is measured); the single source
/// of its defaults and of the remedies' settings (<see cref="Remedies"/>, <see cref="BetaSweep"/>).
/// </summary>
public sealed record CollapseExperimentOptions : StudyOptions
{
    /// <summary>Options with this study's default data size: the first 6,000 training digits.</summary>
    public CollapseExperimentOptions() => TrainCount = 6_000;

    /// <summary>
    /// The defaults: 6,000 training digits, 5 epochs (300 optimiser steps), chosen so that notebook 06 with its five
    /// autoregressive VAEs — two thirds of its time — fits the main job's time on 2 CPU cores (10,000 × 6 took about
    /// 3.5 s an epoch each there); <see cref="StudyBudget.Long"/> trains on every digit for ten times as many epochs.
    /// </summary>
    public static CollapseExperimentOptions Default { get; } = new();

    /// <summary>The MLP VAE (the β sweep).</summary>
    public VaeConfig MlpModel { get; init; } = new();

    /// <summary>The autoregressive VAE (the collapsing setting).</summary>
    public AutoregressiveVaeConfig AutoregressiveModel { get; init; } = new();

    /// <summary>Epochs and batch size.</summary>
    public TrainerOptions Training { get; init; } = new() { Epochs = 5, BatchSize = 100 };

    /// <summary>Optimiser (the seed VAE's Adam 1e-3).</summary>
    public OptimizerOptions Optimizer { get; init; } = new();

    /// <summary>Test digits whose posteriors are measured after every epoch and at the end (KL, active units, MI).</summary>
    public int ProbeCount { get; init; } = 1_000;

    /// <summary>Test digits the importance-sampled NLL is estimated on.</summary>
    public int NllCount { get; init; } = 200;

    /// <summary>Importance samples of the NLL.</summary>
    public ImportanceSamplingOptions Nll { get; init; } = new() { Samples = 50, SampleBatch = 50 };

    /// <summary>Free bits λ of the free-bits remedy, nats per dimension.</summary>
    public double FreeBits { get; init; } = 0.25;

    /// <summary>β of the "β &lt; 1" remedy.</summary>
    public double SmallBeta { get; init; } = 0.2;

    /// <summary>The share of training over which the KL warm-up raises β from 0 to 1 (Bowman et al. 2016 warm up over a fixed
    /// number of steps; the default, ½, is half of this run's steps), in (0, 1].</summary>
    public double WarmupFraction { get; init; } = 0.5;

    /// <summary>Cycles of the cyclical schedule (Fu et al.: 4, each rising over its first half).</summary>
    public int Cycles { get; init; } = 4;

    /// <summary>The β values of the MLP sweep.</summary>
    public IReadOnlyList<double> Betas { get; init; } = [0.1, 0.5, 1, 2, 4, 8];

    /// <summary>Optimiser steps per epoch (the schedules are laid out in steps).</summary>
    public long StepsPerEpoch => ((TrainCount ?? MnistSplit.PublishedTrainCount) + Training.BatchSize - 1) / Training.BatchSize;

    /// <summary>
    /// The collapsing setting (the autoregressive VAE on the plain ELBO) and each remedy on it: linear warm-up over the first
    /// <see cref="WarmupFraction"/> of training, <see cref="Cycles"/> cyclical ramps over the whole run (R = ½), free bits
    /// λ = <see cref="FreeBits"/>, and β = <see cref="SmallBeta"/>. The ELBO comes first.
    /// </summary>
    public IReadOnlyList<CollapseSetting> Remedies()
    {
        long total = StepsPerEpoch * Training.Epochs;
        // Truncated like the integer total / 2 the default's stored runs were keyed with.
        long warmup = Math.Max(1, (long)(total * WarmupFraction));
        return
        [
            new("ELBO (β = 1)", CollapseDecoder.Autoregressive, KlRegularization.None),
            new($"KL warm-up ({WarmupFraction:0.##} of training)", CollapseDecoder.Autoregressive, new KlRegularization(KlSchedule.LinearWarmup(warmup))),
            new($"cyclical ({Cycles} cycles)", CollapseDecoder.Autoregressive, new KlRegularization(KlSchedule.Cyclical(Math.Max(1, total / Cycles), Cycles))),
            new($"free bits λ = {FreeBits:0.##}", CollapseDecoder.Autoregressive, new KlRegularization(FreeBits: FreeBits)),
            new($"β = {SmallBeta:0.##}", CollapseDecoder.Autoregressive, new KlRegularization(KlSchedule.Constant(SmallBeta))),
        ];
    }

    /// <summary>The MLP VAE at each β of <see cref="Betas"/>.</summary>
    public IReadOnlyList<CollapseSetting> BetaSweep() =>
        [.. Betas.Select(beta => new CollapseSetting($"β = {beta:0.##}", CollapseDecoder.Mlp, new KlRegularization(KlSchedule.Constant(beta))))];

    /// <summary>
    /// These options with <paramref name="trainCount"/> training digits and <paramref name="epochs"/> epochs, each applied
    /// only where it differs from <see cref="Default"/>'s: a notebook parameter left at its default keeps the budget's own
    /// size (the quick budget's few hundred digits), one the user changed wins over the budget.
    /// </summary>
    public CollapseExperimentOptions WithChangedSizes(int trainCount, int epochs) => this with
    {
        TrainCount = trainCount == Default.TrainCount ? TrainCount : trainCount,
        Training = epochs == Default.Training.Epochs ? Training : Training with { Epochs = epochs },
    };

    /// <inheritdoc/>
    public override void Validate()
    {
        ValidateCounts();
        MlpModel.Validate();
        AutoregressiveModel.Validate();
        Training.Validate();
        Optimizer.Validate();
        Nll.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(ProbeCount, 2, nameof(ProbeCount));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(NllCount, nameof(NllCount));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Cycles, nameof(Cycles));
        if (!(WarmupFraction > 0 && WarmupFraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(WarmupFraction), WarmupFraction, "The warm-up must last a share of training in (0, 1].");
        }

        if (Betas.Count == 0 || Betas.Any(b => !(b > 0) || !double.IsFinite(b)))
        {
            throw new ArgumentException($"The β sweep needs at least one positive, finite β; got [{string.Join(", ", Betas)}].", nameof(Betas));
        }
        if (MlpModel.InputSize != AutoregressiveModel.InputSize)
        {
            throw new ArgumentException($"MlpModel.InputSize ({MlpModel.InputSize}) and AutoregressiveModel's side² ({AutoregressiveModel.InputSize}) must agree.", nameof(MlpModel));
        }
    }

    /// <inheritdoc/>
    /// <remarks>Quick, small enough for <c>--quick</c>: 300 digits, 2 epochs, a narrower GRU (64 units), a probe of 100
    /// digits and the NLL of 50 with 10 importance samples (shows the mechanics, not the phenomenon).</remarks>
    protected override CollapseExperimentOptions ForBudget(StudyBudget budget) => budget switch
    {
        StudyBudget.Quick => this with
        {
            AutoregressiveModel = AutoregressiveModel with { DecoderHiddenSize = 64 },
            TrainCount = 300,
            Training = Training with { Epochs = 2 },
            ProbeCount = 100,
            NllCount = 50,
            Nll = Nll with { Samples = 10, SampleBatch = 10 },
        },
        StudyBudget.Long => this with { TrainCount = null, TestCount = null, Training = Training with { Epochs = Training.Epochs * LongEpochFactor } },
        _ => throw UnknownBudget(budget),
    };
}
