namespace LatentWorkbench.Reduction.Tsne;

/// <summary>How the first embedding is placed.</summary>
public enum TsneInitialization
{
    /// <summary>The first principal components of the input, scaled so the first column has standard deviation 1e-4 (scikit-learn's init='pca').</summary>
    Pca,

    /// <summary>Independent draws from N(0, (1e-4)²).</summary>
    Random,
}

/// <summary>How the gradient's repulsive term is computed.</summary>
public enum TsneGradientMethod
{
    /// <summary>Barnes–Hut for 2-D embeddings of more than <see cref="TsneOptions.ExactThreshold"/> points, exact otherwise.</summary>
    Auto,

    /// <summary>Exact O(N²) sums (the test oracle; fine up to a few thousand points).</summary>
    Exact,

    /// <summary>Barnes–Hut quadtree with opening angle <see cref="TsneOptions.Theta"/>, O(N log N); 2-D embeddings only.</summary>
    BarnesHut,
}

/// <summary>Hyperparameters of <see cref="TsneReducer"/>; the defaults are scikit-learn's (1.5+) and van der Maaten's.</summary>
public sealed record TsneOptions
{
    /// <summary>Embedding dimension (1–3; Barnes–Hut needs 2), and at most the number of input features.</summary>
    public int Components { get; init; } = 2;

    /// <summary>Perplexity: the effective number of neighbours of each point; 3·perplexity neighbours are used.</summary>
    public double Perplexity { get; init; } = 30;

    /// <summary>Factor α multiplying P during the early-exaggeration phase.</summary>
    public double EarlyExaggeration { get; init; } = 12;

    /// <summary>Iterations of the early-exaggeration phase (momentum 0.5).</summary>
    public int EarlyExaggerationIterations { get; init; } = 250;

    /// <summary>Total iterations, both phases included (the second phase runs with momentum 0.8).</summary>
    public int Iterations { get; init; } = 1000;

    /// <summary>Step size η; null = 'auto': max(N / α / 4, 50), as scikit-learn.</summary>
    public double? LearningRate { get; init; }

    /// <summary>The initial embedding.</summary>
    public TsneInitialization Initialization { get; init; } = TsneInitialization.Pca;

    /// <summary>The gradient method.</summary>
    public TsneGradientMethod Method { get; init; } = TsneGradientMethod.Auto;

    /// <summary>Barnes–Hut opening angle θ: a cell of width w at distance r is summarized when w / r &lt; θ.</summary>
    public double Theta { get; init; } = 0.5;

    /// <summary>With <see cref="TsneGradientMethod.Auto"/>, inputs of at most this many points use the exact gradient.</summary>
    public int ExactThreshold { get; init; } = 1000;

    /// <summary>Seed of the random initialization (the PCA initialization is deterministic anyway).</summary>
    public int Seed { get; init; }

    /// <summary>The callback is called (with the KL divergence) every this many iterations and at the end of each phase.</summary>
    public int CallbackEvery { get; init; } = 50;
}
