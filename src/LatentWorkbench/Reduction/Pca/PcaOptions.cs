namespace LatentWorkbench.Reduction.Pca;

/// <summary>Hyperparameters of <see cref="PcaReducer"/>; validated when <see cref="PcaReducer.Fit(TorchSharp.torch.Tensor)"/> runs.</summary>
/// <remarks>
/// Give at most one of <see cref="Components"/> and <see cref="VarianceToKeep"/>; with neither, every
/// component (min(N, D)) is kept, as scikit-learn does.
/// </remarks>
public sealed record PcaOptions
{
    /// <summary>The number of components K, 1 ≤ K ≤ min(N, D).</summary>
    public int? Components { get; init; }

    /// <summary>
    /// Keep the fewest components whose explained-variance ratios sum to more than this fraction, in (0, 1).
    /// Needs the whole spectrum, so only with <see cref="PcaSolver.Exact"/>.
    /// </summary>
    public double? VarianceToKeep { get; init; }

    /// <summary>The solver (default exact).</summary>
    public PcaSolver Solver { get; init; } = PcaSolver.Exact;

    /// <summary>Scale each projected coordinate to unit variance: z = (x − μ)·vₖ / √λₖ.</summary>
    public bool Whiten { get; init; }

    /// <summary>
    /// Randomized solver only: power iterations q. Null picks scikit-learn's rule: 7 when K &lt; 0.1·min(N, D), else 4.
    /// </summary>
    public int? PowerIterations { get; init; }

    /// <summary>Randomized solver only: extra sample vectors p beyond K (default 10, as scikit-learn).</summary>
    public int Oversamples { get; init; } = 10;

    /// <summary>Randomized solver only: seed of the Gaussian test matrix.</summary>
    public int Seed { get; init; }
}
