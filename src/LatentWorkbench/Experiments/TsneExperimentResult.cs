using LatentWorkbench.Reduction;
using LatentWorkbench.Reduction.Tsne;

namespace LatentWorkbench.Experiments;

/// <summary>A t-SNE embedding and how well it preserves its input.</summary>
/// <param name="Embedding">The fitted embedding.</param>
/// <param name="Input">What t-SNE embedded (the PCA projection, or the features themselves).</param>
/// <param name="PcaSeconds">Wall seconds of the PCA step (0 without one).</param>
/// <param name="Seconds">Wall seconds of t-SNE (affinities and optimisation).</param>
/// <param name="Trustworthiness">Trustworthiness at <see cref="TsneExperimentOptions.QualityNeighbors"/> against <paramref name="Input"/>.</param>
/// <param name="KnnAccuracy">Cross-validated k-NN accuracy of the embedded points.</param>
public sealed record TsneExperimentResult(TsneEmbedding Embedding, Matrix Input, double PcaSeconds, double Seconds, double Trustworthiness, double KnnAccuracy);
