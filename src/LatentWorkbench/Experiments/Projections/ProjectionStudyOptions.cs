using LatentWorkbench.Experiments.Autoencoders;
using LatentWorkbench.Experiments.Vaes;
using LatentWorkbench.Reduction.Tsne;
using LatentWorkbench.Reduction.Umap;

namespace LatentWorkbench.Experiments.Projections;

/// <summary>
/// Everything notebook 04 (projections) varies, in one place: which spaces it projects, how many test digits, the
/// PCA size, the t-SNE and UMAP settings of the comparison, the two sweeps and the all-digits maps, and the models
/// whose codes it projects. <see cref="StudyOptions.Seed"/> seeds t-SNE, UMAP and both models;
/// <see cref="StudyOptions.TrainCount"/> is how many training digits PCA is fitted on (null: all).
/// </summary>
/// <remarks>
/// The comparison uses the reducers' published defaults (scikit-learn's t-SNE: perplexity 30, 1,000 iterations;
/// umap-learn's n_neighbors 15, min_dist 0.1) with Barnes–Hut t-SNE at every size. The autoencoder and VAE are notebook
/// 02's and 03's own options at the same budget, so their stored runs are shared.
/// </remarks>
public sealed record ProjectionStudyOptions : StudyOptions
{
    /// <summary>MNIST's training and test digits together.</summary>
    public const int AllDigits = 70_000;

    /// <summary>The defaults: 10,000 test digits, all four spaces, the reducers' own defaults.</summary>
    public static ProjectionStudyOptions Default { get; } = new();

    /// <summary>The spaces every method projects, in the order of the table's rows.</summary>
    public IReadOnlyList<ProjectionInputSpace> Spaces { get; init; } =
        [ProjectionInputSpace.Pixels, ProjectionInputSpace.Pca, ProjectionInputSpace.Autoencoder, ProjectionInputSpace.Vae];

    /// <summary>How many test digits (the first ones) the maps and their scores use.</summary>
    public int Points { get; init; } = 10_000;

    /// <summary>Components of the PCA space; the sweeps and the all-digits maps also run on it.</summary>
    public int PcaComponents { get; init; } = 50;

    /// <summary>The autoencoder's code size (notebook 02's deep autoencoder at this k).</summary>
    public int AutoencoderCodeSize { get; init; } = 30;

    /// <summary>The t-SNE perplexities of the sweep (the comparison's own, 30, is reused from it).</summary>
    public IReadOnlyList<double> Perplexities { get; init; } = [5, 30, 50];   // 100 until issue 24: 5–50 is the range van der Maaten & Hinton recommend, and 100 cost 10 s

    /// <summary>UMAP's n_neighbors values of the sweep (its rows).</summary>
    public IReadOnlyList<int> NeighborCounts { get; init; } = [5, 15, 50];

    /// <summary>UMAP's min_dist values of the sweep (its columns).</summary>
    public IReadOnlyList<double> MinDists { get; init; } = [0.0, 0.1, 0.5];

    /// <summary>
    /// How many of all 70,000 digits (the training digits, then the test digits) the last section maps; more than 70,000:
    /// all of them. The default is less than all so that the notebook fits the main job's time (t-SNE of all 70,000 takes
    /// about as long as the rest of the notebook); <see cref="StudyBudget.Long"/> maps all of them.
    /// </summary>
    public int AllDigitsPoints { get; init; } = 20_000;   // 30,000 until issue 24's sections needed the main job's time

    /// <summary>t-SNE of the comparison (and the base of the sweep): Barnes–Hut, 1,000 iterations.</summary>
    public TsneOptions Tsne { get; init; } = new() { Method = TsneGradientMethod.BarnesHut };

    /// <summary>UMAP of the comparison (and the base of the sweep).</summary>
    public UmapOptions Umap { get; init; } = new();

    /// <summary>Notebook 02's autoencoder options (the code size, seed and device come from this record).</summary>
    public AutoencoderExperimentOptions Autoencoder { get; init; } = AutoencoderExperimentOptions.Default;

    /// <summary>Notebook 03's VAE options (the seed and device come from this record).</summary>
    public VaeExperimentOptions Vae { get; init; } = VaeExperimentOptions.Default;

    /// <summary>The comparison's t-SNE options, seeded with <see cref="StudyOptions.Seed"/>, fully scored.</summary>
    public ProjectionExperimentOptions TsneProjection => new()
    {
        Method = ProjectionMethod.Tsne,
        Scoring = ProjectionScoring.Full,
        Tsne = Tsne with { Seed = (int)Seed },
    };

    /// <summary>The comparison's UMAP options, seeded with <see cref="StudyOptions.Seed"/>, fully scored.</summary>
    public ProjectionExperimentOptions UmapProjection => new()
    {
        Method = ProjectionMethod.Umap,
        Scoring = ProjectionScoring.Full,
        Umap = Umap with { Seed = (int)Seed },
    };

    /// <inheritdoc/>
    public override void Validate()
    {
        ValidateCounts();
        ArgumentNullException.ThrowIfNull(Spaces, nameof(Spaces));
        if (Spaces.Count == 0)
        {
            throw new ArgumentException("Spaces must name at least one space.", nameof(Spaces));
        }

        foreach (var space in Spaces.Where(s => !Enum.IsDefined(s)))
        {
            throw new ArgumentOutOfRangeException(nameof(Spaces), space, $"Spaces holds {space}; valid: {string.Join(", ", Enum.GetNames<ProjectionInputSpace>())}.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(Points, 2, nameof(Points));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(PcaComponents, nameof(PcaComponents));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(AutoencoderCodeSize, nameof(AutoencoderCodeSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(AllDigitsPoints, 2, nameof(AllDigitsPoints));
        RequireSome(Perplexities, nameof(Perplexities), p => p > 0);
        RequireSome(NeighborCounts, nameof(NeighborCounts), k => k > 1);
        RequireSome(MinDists, nameof(MinDists), d => d >= 0);
        ArgumentNullException.ThrowIfNull(Tsne, nameof(Tsne));
        ArgumentNullException.ThrowIfNull(Umap, nameof(Umap));
        Autoencoder.Validate();
        Vae.Validate();
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Quick: 1,000 test digits, PCA on 2,000 training digits, 300 t-SNE iterations (100 exaggerated), 100 UMAP epochs,
    /// 2,000 points in the all-digits maps, and both models at their own quick budgets.
    /// Long: all 70,000 digits in the last section and the models' long budgets (the projections are already at their
    /// published settings).
    /// </remarks>
    protected override ProjectionStudyOptions ForBudget(StudyBudget budget) => budget switch
    {
        StudyBudget.Quick => this with
        {
            Points = 1_000,
            TrainCount = 2_000,
            AllDigitsPoints = 2_000,
            Tsne = Tsne with { Iterations = 300, EarlyExaggerationIterations = 100 },
            Umap = Umap with { Epochs = 100 },
            Autoencoder = Autoencoder.WithBudget(budget),
            Vae = Vae.WithBudget(budget),
        },
        StudyBudget.Long => this with { AllDigitsPoints = AllDigits, Autoencoder = Autoencoder.WithBudget(budget), Vae = Vae.WithBudget(budget) },
        _ => throw UnknownBudget(budget),
    };

    private static void RequireSome<T>(IReadOnlyList<T> values, string name, Func<T, bool> valid)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        if (values.Count == 0)
        {
            throw new ArgumentException($"{name} must hold at least one value.", name);
        }

        foreach (var bad in values.Where(v => !valid(v)))
        {
            throw new ArgumentOutOfRangeException(name, bad, $"{name} holds {bad}, which is out of range.");
        }
    }
}
