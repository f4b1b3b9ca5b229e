namespace LatentWorkbench.Reduction.Umap;

/// <summary>The distance UMAP measures neighbourhoods with.</summary>
public enum UmapMetric
{
    /// <summary>‖x − y‖.</summary>
    Euclidean,

    /// <summary>1 − x·y / (‖x‖ ‖y‖); rows must not be all zeros.</summary>
    Cosine,
}

/// <summary>How the embedding is placed before the layout optimisation.</summary>
public enum UmapInitialization
{
    /// <summary>Eigenvectors of the fuzzy graph's normalised Laplacian (falls back to <see cref="Pca"/> when they do not converge).</summary>
    Spectral,

    /// <summary>The first principal components of the input.</summary>
    Pca,

    /// <summary>Uniform draws in [−10, 10] from the seed.</summary>
    Random,
}

/// <summary>Hyperparameters of <see cref="UmapReducer"/>; the defaults are umap-learn's (0.5).</summary>
/// <remarks>Validated once, in <see cref="UmapReducer.Fit(TorchSharp.torch.Tensor)"/>; the exception's ParamName is the property's name.</remarks>
public sealed record UmapOptions
{
    /// <summary>Embedding dimension (at least 1, at most the number of input features).</summary>
    public int Components { get; init; } = 2;

    /// <summary>Neighbourhood size k, the point itself included (as umap-learn): k − 1 nearest other points are used.</summary>
    public int Neighbors { get; init; } = 15;

    /// <summary>The smallest distance between embedded points: how tightly the layout packs (≥ 0, ≤ <see cref="Spread"/>).</summary>
    public double MinDist { get; init; } = 0.1;

    /// <summary>The scale of the embedded distances (with <see cref="MinDist"/> it fixes the curve's a and b).</summary>
    public double Spread { get; init; } = 1.0;

    /// <summary>The input distance.</summary>
    public UmapMetric Metric { get; init; } = UmapMetric.Euclidean;

    /// <summary>Layout epochs; null = umap-learn's rule: 500 for at most 10,000 points, 200 above.</summary>
    public int? Epochs { get; init; }

    /// <summary>Initial SGD step α₀; it decays linearly to 0 over the epochs.</summary>
    public double LearningRate { get; init; } = 1.0;

    /// <summary>Negative samples per positive sample.</summary>
    public int NegativeSampleRate { get; init; } = 5;

    /// <summary>Weight γ of the repulsive (negative-sample) term.</summary>
    public double RepulsionStrength { get; init; } = 1.0;

    /// <summary>How many nearest neighbours are taken as fully connected (the ρ of the smooth k-NN distances).</summary>
    public double LocalConnectivity { get; init; } = 1.0;

    /// <summary>The initial layout.</summary>
    public UmapInitialization Initialization { get; init; } = UmapInitialization.Spectral;

    /// <summary>Seed of every random choice (start vector of the eigensolver, initial noise, negative samples).</summary>
    public int Seed { get; init; }

    /// <summary>The callback sees the layout every this many epochs (and at the end).</summary>
    public int CallbackEvery { get; init; } = 10;

    /// <summary>The epochs a fit of <paramref name="rows"/> points runs: <see cref="Epochs"/>, or the default rule.</summary>
    public int EpochsFor(int rows) => Epochs ?? (rows <= 10_000 ? 500 : 200);

    internal void Validate(Matrix data)
    {
        if (Components < 1 || Components > data.Cols)
        {
            throw new ArgumentOutOfRangeException(nameof(Components), Components, $"Components must be between 1 and the number of features ({data.Cols}).");
        }

        if (Neighbors < 2 || Neighbors > data.Rows)
        {
            throw new ArgumentOutOfRangeException(nameof(Neighbors), Neighbors, $"Neighbors must be between 2 and the number of rows ({data.Rows}); it counts the point itself.");
        }

        Require(Spread > 0 && double.IsFinite(Spread), nameof(Spread), Spread, "Spread must be a finite number > 0.");
        Require(MinDist >= 0 && MinDist <= Spread, nameof(MinDist), MinDist, $"MinDist must be between 0 and Spread ({Spread}).");
        Require(Epochs is null or >= 0, nameof(Epochs), Epochs, "Epochs must be ≥ 0 (or null for the default rule).");
        Require(LearningRate > 0 && double.IsFinite(LearningRate), nameof(LearningRate), LearningRate, "LearningRate must be a finite number > 0.");
        Require(NegativeSampleRate >= 0, nameof(NegativeSampleRate), NegativeSampleRate, "NegativeSampleRate must be ≥ 0.");
        Require(RepulsionStrength >= 0 && double.IsFinite(RepulsionStrength), nameof(RepulsionStrength), RepulsionStrength, "RepulsionStrength must be a finite number ≥ 0.");
        Require(LocalConnectivity >= 0 && LocalConnectivity < Neighbors, nameof(LocalConnectivity), LocalConnectivity, $"LocalConnectivity must be in [0, Neighbors = {Neighbors}).");
        Require(CallbackEvery >= 1, nameof(CallbackEvery), CallbackEvery, "CallbackEvery must be ≥ 1.");
        Require(Enum.IsDefined(Metric), nameof(Metric), Metric, "Metric must be Euclidean or Cosine.");
        Require(Enum.IsDefined(Initialization), nameof(Initialization), Initialization, "Initialization must be Spectral, Pca or Random.");
    }

    private static void Require(bool condition, string name, object? value, string message)
    {
        if (!condition)
        {
            throw new ArgumentOutOfRangeException(name, value, message);
        }
    }
}
