using LatentWorkbench.Compute;
using TorchSharp;

namespace LatentWorkbench.Reduction.Tsne;

/// <summary>
/// t-distributed stochastic neighbour embedding: affinities → initialization → optimize with early exaggeration →
/// optimize (van der Maaten &amp; Hinton, JMLR 9, 2008; Barnes–Hut: van der Maaten, JMLR 15, 2014).
/// </summary>
/// <remarks>
/// Input N×D (typically PCA-50 coordinates), output an N×dims embedding. There is no Transform: t-SNE does not map new
/// points. Deterministic for given data and options (parallel sums use fixed partitions). Each stage is public
/// (<see cref="TsneAffinities.Compute(TorchSharp.torch.Tensor, double)"/>, <see cref="TsneInitializer"/>, <see cref="TsneEmbedding.Optimize"/>) for
/// custom schedules.
/// </remarks>
public sealed class TsneReducer(TsneOptions options) : IReducer<TsneEmbedding>
{
    /// <summary>The options this reducer was built with.</summary>
    public TsneOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <inheritdoc/>
    public TsneEmbedding Fit(torch.Tensor data) => Fit(data, callback: null);

    /// <summary>Fits with a callback that sees the KL divergence every <see cref="TsneOptions.CallbackEvery"/> iterations and may stop the run.</summary>
    public TsneEmbedding Fit(torch.Tensor data, TsneCallback? callback)
    {
        using var host = TensorSpans.OnHost(data, nameof(data));
        return Fit(Matrix.View(host, nameof(data)), callback);
    }

    /// <inheritdoc cref="Fit(torch.Tensor)"/>
    internal TsneEmbedding Fit(Matrix data) => Fit(data, callback: null);

    /// <inheritdoc cref="Fit(torch.Tensor, TsneCallback)"/>
    internal TsneEmbedding Fit(Matrix data, TsneCallback? callback)
    {
        InputValidation.RequireFiniteMatrix(data, nameof(data), minRows: 2);
        Validate(data);
        var affinities = TsneAffinities.Compute(data, Options.Perplexity);
        double[] initial = Options.Initialization == TsneInitialization.Pca
            ? TsneInitializer.Pca(data, Options.Components)
            : TsneInitializer.Random(data.Rows, Options.Components, Options.Seed);
        var embedding = TsneEmbedding.Create(affinities, initial, Options.Components, Options);
        int early = Math.Min(Options.EarlyExaggerationIterations, Options.Iterations);
        embedding = embedding.Optimize(early, Options.EarlyExaggeration, 0.5, callback: callback, totalIterations: Options.Iterations);
        return embedding.StoppedEarly
            ? embedding
            : embedding.Optimize(Options.Iterations - early, 1, 0.8, callback: callback, totalIterations: Options.Iterations);
    }

    private void Validate(Matrix data)
    {
        if (Options.Components < 1 || Options.Components > 3 || Options.Components > data.Cols)
        {
            throw new ArgumentOutOfRangeException(nameof(TsneOptions.Components), Options.Components,
                $"Components must be between 1 and min(3, features = {data.Cols}).");
        }

        if (Options.Method == TsneGradientMethod.BarnesHut && Options.Components != 2)
        {
            throw new ArgumentException("Barnes–Hut is implemented for 2-D embeddings: set Components = 2 or Method = Exact.", nameof(TsneOptions.Method));
        }

        if (!(Options.Perplexity > 0) || Options.Perplexity >= data.Rows - 1)
        {
            throw new ArgumentOutOfRangeException(nameof(TsneOptions.Perplexity), Options.Perplexity, $"Perplexity must be in (0, rows − 1 = {data.Rows - 1}).");
        }

        Require(Options.EarlyExaggeration >= 1, nameof(TsneOptions.EarlyExaggeration), Options.EarlyExaggeration, "EarlyExaggeration must be ≥ 1.");
        Require(Options.EarlyExaggerationIterations >= 0, nameof(TsneOptions.EarlyExaggerationIterations), Options.EarlyExaggerationIterations, "EarlyExaggerationIterations must be ≥ 0.");
        Require(Options.Iterations >= 0, nameof(TsneOptions.Iterations), Options.Iterations, "Iterations must be ≥ 0.");
        Require(Options.LearningRate is null or > 0, nameof(TsneOptions.LearningRate), Options.LearningRate, "LearningRate must be > 0 (or null for 'auto').");
        Require(Options.Theta >= 0, nameof(TsneOptions.Theta), Options.Theta, "Theta must be ≥ 0.");
        Require(Options.CallbackEvery >= 1, nameof(TsneOptions.CallbackEvery), Options.CallbackEvery, "CallbackEvery must be ≥ 1.");
    }

    private static void Require(bool condition, string name, object? value, string message)
    {
        if (!condition)
        {
            throw new ArgumentOutOfRangeException(name, value, message);
        }
    }
}
