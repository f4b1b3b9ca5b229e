using LatentWorkbench.Metrics;
using LatentWorkbench.Reduction.Tsne;
using LatentWorkbench.Reduction.Umap;
using TorchSharp;

namespace LatentWorkbench.Experiments.Projections;

/// <summary>One projection of one feature space by <see cref="ProjectionExperiment"/>: the points, what the reducer saw, timings and quality.</summary>
/// <param name="Embedding">The embedded points, float32 CPU tensor [N, K].</param>
/// <param name="Input">What the reducer saw, float32 [N, D]: the features, or their PCA coordinates when the recipe ran PCA first.</param>
/// <param name="PcaSeconds">Wall seconds of the PCA step (0 without one).</param>
/// <param name="Quality">Space, method, points, the projection's wall seconds and the scores (NaN where not computed).</param>
/// <param name="Tsne">The fitted t-SNE embedding (KL divergence, iterations), when the method was t-SNE.</param>
/// <param name="Umap">The fitted UMAP embedding (stage timings, initialisation used), when the method was UMAP.</param>
public sealed record ProjectionResult(torch.Tensor Embedding, torch.Tensor Input, double PcaSeconds, ProjectionQuality Quality, TsneEmbedding? Tsne, UmapEmbedding? Umap)
{
    /// <summary>The feature space's name.</summary>
    public string Space => Quality.Space;

    /// <summary>The method's name (e.g. "t-SNE", "UMAP k=15 min_dist=0.1").</summary>
    public string Method => Quality.Method;

    /// <summary>Wall seconds of the projection itself (without PCA and scoring).</summary>
    public double Seconds => Quality.Seconds;

    /// <summary>Trustworthiness against <see cref="Input"/> (NaN when not scored).</summary>
    public double Trustworthiness => Quality.Trustworthiness;

    /// <summary>Cross-validated k-NN accuracy of the embedded points.</summary>
    public double KnnAccuracy => Quality.KnnAccuracy;
}
