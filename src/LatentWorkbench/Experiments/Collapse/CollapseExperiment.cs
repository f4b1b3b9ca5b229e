using LatentWorkbench.Data;
using LatentWorkbench.Metrics.Collapse;
using LatentWorkbench.Metrics.Likelihood;
using LatentWorkbench.Models.Vaes;
using LatentWorkbench.Runs;
using LatentWorkbench.Training;
using TorchSharp;

namespace LatentWorkbench.Experiments.Collapse;

/// <summary>
/// The posterior-collapse recipe of notebook 06: train one <see cref="CollapseSetting"/> through <see cref="ModelTraining"/>
/// (cached in the run store) with the collapse measures taken after every epoch, then measure KL, active units, MI,
/// reconstruction and the importance-sampled NLL on test digits.
/// </summary>
public static class CollapseExperiment
{
    /// <summary>The model name runs are stored under (suffixed with the decoder, e.g. <c>collapse-vae-autoregressive</c>).</summary>
    public const string ModelNamePrefix = "collapse-vae";

    /// <summary>Trains (or loads) and measures every setting in turn; <paramref name="progress"/> makes each run's callbacks.</summary>
    public static IReadOnlyList<CollapseResult> Run(
        IReadOnlyList<CollapseSetting> settings,
        CollapseExperimentOptions options,
        MnistData mnist,
        RunStore? store = null,
        Func<CollapseSetting, ITrainingCallback>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return [.. settings.Select(s => Run(s, options, mnist, store, progress is null ? [] : [progress(s)], cancellationToken))];
    }

    /// <summary>
    /// Trains (or loads) and measures every setting once per seed, seed by seed (each run is <paramref name="options"/> with
    /// that <see cref="StudyOptions.Seed"/>), so that a run store holding some seeds trains only the others;
    /// <paramref name="progress"/> makes each run's callbacks from its setting and seed.
    /// </summary>
    /// <returns>The results, seed-major (every setting of the first seed, then of the next), each carrying its seed.</returns>
    /// <exception cref="ArgumentException">No seeds, or a seed given twice.</exception>
    public static IReadOnlyList<CollapseResult> Run(
        IReadOnlyList<CollapseSetting> settings,
        CollapseExperimentOptions options,
        IReadOnlyList<int> seeds,
        MnistData mnist,
        RunStore? store = null,
        Func<CollapseSetting, long, ITrainingCallback>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);
        SeedList.Validate(seeds);
        return [.. seeds.SelectMany(seed => settings.Select(s =>
            Run(s, options with { Seed = seed }, mnist, store, progress is null ? [] : [progress(s, seed)], cancellationToken)))];
    }

    /// <summary>The result of <paramref name="seed"/> in <paramref name="sweep"/> whose constant β is nearest 1 (the plain ELBO when the sweep holds it).</summary>
    /// <exception cref="ArgumentException">The sweep has no result of that seed.</exception>
    public static CollapseResult NearestElbo(IEnumerable<CollapseResult> sweep, long seed)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        return sweep.Where(r => r.Seed == seed).MinBy(r => Math.Abs(r.Setting.Regularization.EffectiveSchedule.MaxWeight - 1))
            ?? throw new ArgumentException($"The sweep has no result of seed {seed}.", nameof(sweep));
    }

    /// <summary>Trains (or loads from <paramref name="store"/>) and measures one setting.</summary>
    public static CollapseResult Run(
        CollapseSetting setting,
        CollapseExperimentOptions options,
        MnistData mnist,
        RunStore? store = null,
        IReadOnlyList<ITrainingCallback>? callbacks = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(setting);
        setting.Regularization.Validate();
        using var study = StudyData.Load(options, mnist);
        var test = study.Test;
        if (options.ProbeCount > test.Count || options.NllCount > test.Count)
        {
            throw new ArgumentException($"ProbeCount ({options.ProbeCount}) and NllCount ({options.NllCount}) must not exceed the {test.Count} test digits.", nameof(options));
        }

        using var probe = test.Images.narrow(0, 0, options.ProbeCount);
        KlRegularizedVae? built = null;
        var recipe = Recipe(setting, options, () => built = Build(setting, options));
        var monitor = new CollapseMonitor(() => built ?? throw new InvalidOperationException("The model is measured before it is built."), probe, options.Seed);
        var trained = ModelTraining.Train(recipe, study.Training.WithoutLabels(), store, [monitor, .. callbacks ?? []], cancellationToken: cancellationToken);
        var model = trained.Model;
        var collapse = CollapseDiagnostics.Measure(model, probe, options.Seed);
        using var nllData = test.Images.narrow(0, 0, options.NllCount);
        var estimate = ImportanceSampledLikelihood.Estimate(model, nllData, options.Nll with { Seed = options.Seed }, LogLikelihood(model));
        return new CollapseResult(setting, options.Seed, model, trained.Epochs, collapse, estimate.MeanReconstruction, estimate.MeanKl, estimate.MeanNegativeLogLikelihood, trained.FromCache);
    }

    /// <summary>The generic recipe of <paramref name="setting"/>; the cache key holds the model, the regularisation and the probe.</summary>
    public static ModelRecipe<KlRegularizedVae, CollapseRunConfig> Recipe(CollapseSetting setting, CollapseExperimentOptions options, Func<KlRegularizedVae>? build = null)
    {
        ArgumentNullException.ThrowIfNull(setting);
        ArgumentNullException.ThrowIfNull(options);
        return new ModelRecipe<KlRegularizedVae, CollapseRunConfig>
        {
            ModelName = $"{ModelNamePrefix}-{setting.Decoder.ToString().ToLowerInvariant()}",
            Config = new CollapseRunConfig(Network(setting, options), setting.Regularization, new CollapseProbe(options.ProbeCount, options.Seed)),
            Build = build ?? (() => Build(setting, options)),
            Training = options.Training,
            Optimizer = options.Optimizer,
            Seed = options.Seed,
            Device = options.Device,
        };
    }

    /// <summary>log p(x|z) of the model's decoder: teacher-forced for an autoregressive one, from the logits of z otherwise.</summary>
    public static DecoderLogLikelihood LogLikelihood(IVariationalAutoencoder model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var inner = model is VaeVariant variant ? variant.Network : model;
        return inner is ITeacherForcedDecoder autoregressive
            ? (z, x) => LogDensities.Bernoulli(autoregressive.ReconstructionLogits(z, x), x)
            : DecoderLogLikelihoods.Bernoulli(inner);
    }

    // The sizes of the network the setting's decoder names.
    private static VaeNetworkConfig Network(CollapseSetting setting, CollapseExperimentOptions options) =>
        setting.Decoder == CollapseDecoder.Autoregressive ? options.AutoregressiveModel : options.MlpModel;

    private static KlRegularizedVae Build(CollapseSetting setting, CollapseExperimentOptions options)
    {
        IVariationalAutoencoder vae = setting.Decoder == CollapseDecoder.Autoregressive
            ? new AutoregressiveVae(options.AutoregressiveModel)
            : new Vae(options.MlpModel);
        return new KlRegularizedVae(vae, setting.Regularization);
    }
}
