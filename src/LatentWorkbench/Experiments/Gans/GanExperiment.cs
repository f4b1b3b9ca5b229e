using LatentWorkbench.Data;
using LatentWorkbench.Models.Gans;
using LatentWorkbench.Runs;
using LatentWorkbench.Training;
using TorchSharp;

namespace LatentWorkbench.Experiments.Gans;

/// <summary>
/// The mode-collapse recipe of notebook 06: train a <see cref="GanSetting"/> adversarially through <see cref="ModelTraining"/>
/// (cached in the run store), with samples from fixed noise after every epoch.
/// </summary>
public static class GanExperiment
{
    /// <summary>The model name runs are stored under.</summary>
    public const string ModelName = "gan-mlp";

    /// <summary>Trains (or loads) every setting in turn; <paramref name="progress"/> makes each run's callbacks.</summary>
    public static IReadOnlyList<GanResult> Run(
        IReadOnlyList<GanSetting> settings, GanExperimentOptions options, MnistData mnist, RunStore? store = null, Func<GanSetting, ITrainingCallback>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return [.. settings.Select(s => Run(s, options, mnist, store, progress is null ? [] : [progress(s)]))];
    }

    /// <summary>
    /// Trains (or loads) every setting once per seed, seed by seed (each run is <paramref name="options"/> with that
    /// <see cref="StudyOptions.Seed"/>), so that a run store holding some seeds trains only the others;
    /// <paramref name="progress"/> makes each run's callbacks from its setting and seed.
    /// </summary>
    /// <returns>The results, seed-major (every setting of the first seed, then of the next), each carrying its seed.</returns>
    /// <exception cref="ArgumentException">No seeds, or a seed given twice.</exception>
    public static IReadOnlyList<GanResult> Run(
        IReadOnlyList<GanSetting> settings,
        GanExperimentOptions options,
        IReadOnlyList<int> seeds,
        MnistData mnist,
        RunStore? store = null,
        Func<GanSetting, long, ITrainingCallback>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);
        Collapse.SeedList.Validate(seeds);
        return [.. seeds.SelectMany(seed => settings.Select(s => Run(s, options with { Seed = seed }, mnist, store, progress is null ? [] : [progress(s, seed)])))];
    }

    /// <summary>
    /// Trains (or loads from <paramref name="store"/>) one setting, on the first <see cref="StudyOptions.TrainCount"/>
    /// training digits or, with <see cref="GanExperimentOptions.DistinctTrainCount"/>, on that many of them repeated.
    /// </summary>
    public static GanResult Run(
        GanSetting setting, GanExperimentOptions options, MnistData mnist, RunStore? store = null, IReadOnlyList<ITrainingCallback>? callbacks = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(setting);
        setting.Config.Validate();
        using var study = StudyData.Load(options, mnist);
        var digits = study.Training.WithoutLabels();
        var data = options.DistinctTrainCount is { } distinct ? digits.RepeatingFirst(distinct) : digits;
        try
        {
            return Train(setting, options, data, store, callbacks, cancellationToken);
        }
        finally
        {
            if (!ReferenceEquals(data.Inputs, digits.Inputs))
            {
                data.Inputs.Dispose();
            }
        }
    }

    private static GanResult Train(
        GanSetting setting, GanExperimentOptions options, TrainingData data, RunStore? store, IReadOnlyList<ITrainingCallback>? callbacks, CancellationToken cancellationToken)
    {

        Gan? built = null;
        var recipe = new ModelRecipe<Gan, GanConfig>
        {
            ModelName = ModelName,
            Config = setting.Config,
            Build = () => built = new Gan(setting.Config),
            Training = options.Training,
            Seed = options.Seed,
            Device = options.Device,
        };
        var snapshots = new GanSnapshots(() => built ?? throw new InvalidOperationException("The GAN is sampled before it is built."), options.SnapshotCount, options.Seed);
        var trained = ModelTraining.Train(recipe, data, store, [snapshots, .. callbacks ?? []], cancellationToken: cancellationToken);
        string? checkpoint = trained.RunId is { } id ? store?.Get(id)?.CheckpointPath : null;
        IReadOnlyList<torch.Tensor> shown = snapshots.Snapshots;
        if (checkpoint is not null)
        {
            string path = GanSnapshots.PathFor(checkpoint);
            if (trained.FromCache)
            {
                shown = GanSnapshots.Load(path);
            }
            else
            {
                GanSnapshots.Save(path, shown, options.SnapshotCount, setting.Config.InputSize);
            }
        }

        return new GanResult(setting, options.Seed, trained.Model, trained.Epochs, shown, trained.FromCache);
    }
}
