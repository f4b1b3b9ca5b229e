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
    /// <summary>Options with this study's default data size: the first 10,000 training digits.</summary>
    public CollapseExperimentOptions() => TrainCount = 10_000;

    /// <summary>The defaults: 10,000 training digits, 6 epochs (chosen so notebook 06 runs in minutes on 2 CPU cores, not 60,000 × 10).</summary>
    public static CollapseExperimentOptions Default { get; } = new();

    /// <summary>The MLP VAE (the β sweep).</summary>
    public VaeConfig MlpModel { get; init; } = new();

    /// <summary>The autoregressive VAE (the collapsing setting).</summary>
    public AutoregressiveVaeConfig AutoregressiveModel { get; init; } = new();

    /// <summary>Epochs and batch size.</summary>
    public TrainerOptions Training { get; init; } = new() { Epochs = 6, BatchSize = 100 };

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

    /// <summary>Cycles of the cyclical schedule (Fu et al.: 4, each rising over its first half).</summary>
    public int Cycles { get; init; } = 4;

    /// <summary>The β values of the MLP sweep.</summary>
    public IReadOnlyList<double> Betas { get; init; } = [0.1, 0.5, 1, 2, 4, 8];

    /// <summary>Optimiser steps per epoch (the schedules are laid out in steps).</summary>
    public long StepsPerEpoch => ((TrainCount ?? MnistSplit.PublishedTrainCount) + Training.BatchSize - 1) / Training.BatchSize;

    /// <summary>
    /// The collapsing setting (the autoregressive VAE on the plain ELBO) and each remedy on it: linear warm-up over the first
    /// half of training, <see cref="Cycles"/> cyclical ramps over the whole run (R = ½), free bits λ = <see cref="FreeBits"/>,
    /// and β = <see cref="SmallBeta"/>.
    /// </summary>
    public IReadOnlyList<CollapseSetting> Remedies()
    {
        long total = StepsPerEpoch * Training.Epochs;
        return
        [
            new("ELBO (β = 1)", CollapseDecoder.Autoregressive, KlRegularization.None),
            new("KL warm-up", CollapseDecoder.Autoregressive, new KlRegularization(KlSchedule.LinearWarmup(Math.Max(1, total / 2)))),
            new("cyclical", CollapseDecoder.Autoregressive, new KlRegularization(KlSchedule.Cyclical(Math.Max(1, total / Cycles), Cycles))),
            new($"free bits λ = {FreeBits:0.##}", CollapseDecoder.Autoregressive, new KlRegularization(FreeBits: FreeBits)),
            new($"β = {SmallBeta:0.##}", CollapseDecoder.Autoregressive, new KlRegularization(KlSchedule.Constant(SmallBeta))),
        ];
    }

    /// <summary>The MLP VAE at each β of <see cref="Betas"/>.</summary>
    public IReadOnlyList<CollapseSetting> BetaSweep() =>
        [.. Betas.Select(beta => new CollapseSetting($"β = {beta:0.##}", CollapseDecoder.Mlp, new KlRegularization(KlSchedule.Constant(beta))))];

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
