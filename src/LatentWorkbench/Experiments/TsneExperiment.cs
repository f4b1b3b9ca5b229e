using LatentWorkbench.Reduction;
using LatentWorkbench.Reduction.Tsne;

namespace LatentWorkbench.Experiments;

/// <summary>The t-SNE recipe the CLI measures and the notebooks show: PCA, t-SNE, quality report.</summary>
public static class TsneExperiment
{
    /// <summary>Projects <paramref name="features"/> (rows = examples) as <paramref name="options"/> say; <paramref name="labels"/> score the k-NN accuracy.</summary>
    /// <param name="features">Examples × features, e.g. MNIST pixels or a model's codes (<see cref="Matrix.FromTensor"/>).</param>
    /// <param name="labels">One class per row.</param>
    /// <param name="options">Hyperparameters (null: <see cref="TsneExperimentOptions.Default"/>).</param>
    /// <param name="callback">Called as t-SNE optimises (progress, early stop).</param>
    public static TsneExperimentResult Run(Matrix features, ReadOnlySpan<byte> labels, TsneExperimentOptions? options = null, TsneCallback? callback = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        options ??= TsneExperimentOptions.Default;
        options.Validate();
        var m = ProjectionMeasurement.Run(features, labels, options.PcaComponents, options.QualityNeighbors, options.KnnFolds,
            input => new TsneReducer(options.Tsne).Fit(input, callback), embedding => embedding.ToMatrix());
        return new TsneExperimentResult(m.Embedding, m.Input, m.PcaSeconds, m.Seconds, m.Trustworthiness, m.KnnAccuracy);
    }
}
