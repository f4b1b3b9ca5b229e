using System.Diagnostics;
using LatentWorkbench.Compute;
using TorchSharp;

namespace LatentWorkbench.Reduction.Umap;

/// <summary>
/// Uniform Manifold Approximation and Projection (McInnes, Healy &amp; Melville, arXiv:1802.03426): k-NN → fuzzy
/// simplicial set → starting layout → SGD layout with negative sampling.
/// </summary>
/// <remarks>
/// Input float32 N×D points as a tensor (pixels, PCA codes, a model's codes), output an N×dims embedding.
/// There is no Transform (new points are not mapped). Each stage is its own type, tested on its own:
/// <see cref="UmapNeighbors.Search"/>, <see cref="FuzzySimplicialSet.FromNeighbors"/>, <see cref="UmapInitializer.Create"/>,
/// <see cref="UmapCurve.Fit"/>, <see cref="UmapLayout.Optimize"/> (the ones over raw arrays are internal; the public
/// seam is the tensor). Deterministic per seed for any thread count (docs/umap.md).
/// </remarks>
public sealed class UmapReducer(UmapOptions options) : IReducer<UmapEmbedding>
{
    /// <summary>The options this reducer was built with.</summary>
    public UmapOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <inheritdoc/>
    public UmapEmbedding Fit(torch.Tensor data) => Fit(data, callback: null);

    /// <summary>Fits with a callback that sees each stage start and every <see cref="UmapOptions.CallbackEvery"/> layout epochs.</summary>
    public UmapEmbedding Fit(torch.Tensor data, UmapCallback? callback)
    {
        using var host = TensorSpans.OnHost(data, nameof(data));
        return Fit(Matrix.View(host, nameof(data)), callback);
    }

    /// <inheritdoc cref="Fit(torch.Tensor)"/>
    internal UmapEmbedding Fit(Matrix data) => Fit(data, callback: null);

    /// <inheritdoc cref="Fit(torch.Tensor, UmapCallback)"/>
    internal UmapEmbedding Fit(Matrix data, UmapCallback? callback)
    {
        InputValidation.RequireFiniteMatrix(data, nameof(data), minRows: 2);
        Options.Validate(data);
        var (a, b) = UmapCurve.Fit(Options.Spread, Options.MinDist);
        int epochs = Options.EpochsFor(data.Rows);
        var clock = Stopwatch.StartNew();
        double mark = 0;
        double Lap()
        {
            double now = clock.Elapsed.TotalSeconds, lap = now - mark;
            mark = now;
            return lap;
        }

        callback?.Invoke(new UmapProgress(UmapStage.Neighbors, 0, epochs, clock.Elapsed));
        var neighbors = UmapNeighbors.Search(data, Options.Neighbors - 1, Options.Metric);
        double neighborSeconds = Lap();
        callback?.Invoke(new UmapProgress(UmapStage.Graph, 0, epochs, clock.Elapsed));
        var graph = FuzzySimplicialSet.FromNeighbors(neighbors, Options.LocalConnectivity);
        double graphSeconds = Lap();
        callback?.Invoke(new UmapProgress(UmapStage.Initialization, 0, epochs, clock.Elapsed));
        var start = UmapInitializer.Create(graph, data, Options.Components, Options.Initialization, Options.Seed);
        double initSeconds = Lap();
        callback?.Invoke(new UmapProgress(UmapStage.Layout, 0, epochs, clock.Elapsed));
        var (points, done) = UmapLayout.Optimize(graph, start.Points, Options.Components, a, b, Options, callback, clock);
        double layoutSeconds = Lap();
        return new UmapEmbedding(points, Options.Components, graph, a, b, start, done, new UmapTimings(neighborSeconds, graphSeconds, initSeconds, layoutSeconds));
    }
}
