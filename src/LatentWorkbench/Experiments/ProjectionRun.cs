using LatentWorkbench.Metrics;
using LatentWorkbench.Reduction;

namespace LatentWorkbench.Experiments;

/// <summary>One projection of one feature space, with its quality row.</summary>
/// <param name="Space">The feature space's name.</param>
/// <param name="Method">"t-SNE" or "UMAP" (with its setting, e.g. "t-SNE perplexity 5").</param>
/// <param name="Embedding">The N×2 points.</param>
/// <param name="Quality">Trustworthiness, continuity, k-NN accuracy, silhouette and seconds.</param>
public sealed record ProjectionRun(string Space, string Method, Matrix Embedding, ProjectionQuality Quality);
