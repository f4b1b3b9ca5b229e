using LatentWorkbench.Reduction.Tsne;
using LatentWorkbench.Reduction.Umap;

namespace LatentWorkbench.Experiments.Projections;

/// <summary>The options of the one projection recipe (<see cref="ProjectionExperiment"/>) that <c>reduce tsne|umap</c> and notebook 04 share.</summary>
/// <remarks>
/// Start from <see cref="TsneDefaults"/> or <see cref="UmapDefaults"/> (each method's usual preprocessing) and change
/// what differs with <c>with { … }</c>; the CLI binds its options to these and repeats no number.
/// </remarks>
public sealed record ProjectionExperimentOptions
{
    /// <summary>t-SNE after PCA to 50 components (van der Maaten &amp; Hinton's recipe), scored by trustworthiness and k-NN accuracy.</summary>
    public static ProjectionExperimentOptions TsneDefaults { get; } = new() { Method = ProjectionMethod.Tsne, PcaComponents = 50 };

    /// <summary>UMAP of the features as they are (UMAP's own recipe has no PCA step), scored by trustworthiness and k-NN accuracy.</summary>
    public static ProjectionExperimentOptions UmapDefaults { get; } = new() { Method = ProjectionMethod.Umap, PcaComponents = 0 };

    /// <summary>t-SNE or UMAP.</summary>
    public ProjectionMethod Method { get; init; } = ProjectionMethod.Tsne;

    /// <summary>
    /// When above 0, PCA with this many components is fitted on the very points being projected and the projection
    /// runs on their coordinates (trustworthiness is then measured against those coordinates); 0: the features as given.
    /// </summary>
    public int PcaComponents { get; init; }

    /// <summary>The t-SNE hyperparameters (used when <see cref="Method"/> is <see cref="ProjectionMethod.Tsne"/>).</summary>
    public TsneOptions Tsne { get; init; } = new();

    /// <summary>The UMAP hyperparameters (used when <see cref="Method"/> is <see cref="ProjectionMethod.Umap"/>).</summary>
    public UmapOptions Umap { get; init; } = new();

    /// <summary>Which quality numbers to compute.</summary>
    public ProjectionScoring Scoring { get; init; } = ProjectionScoring.TrustworthinessAndKnn;

    /// <summary>k of trustworthiness, continuity and the k-NN vote.</summary>
    public int QualityNeighbors { get; init; } = 10;

    /// <summary>Stratified folds of the k-NN accuracy.</summary>
    public int KnnFolds { get; init; } = 5;

    /// <summary>The name the result's method column shows (null: "t-SNE" or "UMAP"), e.g. "t-SNE perplexity 5".</summary>
    public string? Label { get; init; }

    /// <summary><see cref="Label"/>, or the method's name.</summary>
    public string MethodName => Label ?? (Method == ProjectionMethod.Umap ? "UMAP" : "t-SNE");

    /// <summary>Throws when a value is out of range (the reducers validate their own options when they fit).</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(PcaComponents, nameof(PcaComponents));
        ArgumentNullException.ThrowIfNull(Tsne, nameof(Tsne));
        ArgumentNullException.ThrowIfNull(Umap, nameof(Umap));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(QualityNeighbors, nameof(QualityNeighbors));
        ArgumentOutOfRangeException.ThrowIfLessThan(KnnFolds, 2, nameof(KnnFolds));
        if (!Enum.IsDefined(Method))
        {
            throw new ArgumentOutOfRangeException(nameof(Method), Method, "Method must be Tsne or Umap.");
        }

        if (!Enum.IsDefined(Scoring))
        {
            throw new ArgumentOutOfRangeException(nameof(Scoring), Scoring, "Scoring must be Full, TrustworthinessAndKnn or KnnOnly.");
        }
    }
}
