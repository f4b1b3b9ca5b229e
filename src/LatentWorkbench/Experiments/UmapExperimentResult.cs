using LatentWorkbench.Reduction;
using LatentWorkbench.Reduction.Umap;

namespace LatentWorkbench.Experiments;

/// <summary>A UMAP embedding and how well it preserves its input.</summary>
/// <param name="Embedding">The fitted embedding (stage timings, initialisation used, graph).</param>
/// <param name="Input">What UMAP embedded (the PCA projection, or the features themselves).</param>
/// <param name="PcaSeconds">Wall seconds of the PCA step (0 without one).</param>
/// <param name="Seconds">Wall seconds of UMAP (all stages).</param>
/// <param name="Trustworthiness">Trustworthiness at <see cref="UmapExperimentOptions.QualityNeighbors"/> against <paramref name="Input"/>.</param>
/// <param name="KnnAccuracy">Cross-validated k-NN accuracy of the embedded points.</param>
public sealed record UmapExperimentResult(UmapEmbedding Embedding, Matrix Input, double PcaSeconds, double Seconds, double Trustworthiness, double KnnAccuracy);
