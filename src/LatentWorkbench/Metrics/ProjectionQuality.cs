namespace LatentWorkbench.Metrics;

/// <summary>One row of a projection-quality report: how well one embedding of one feature space keeps its input.</summary>
/// <param name="Space">The feature space embedded (e.g. "pixels", "PCA-50", "VAE-20 μ").</param>
/// <param name="Method">The projection (e.g. "t-SNE", "UMAP").</param>
/// <param name="Points">Rows embedded.</param>
/// <param name="Seconds">Wall seconds of the projection (as measured by the caller).</param>
/// <param name="Trustworthiness">T(k) against the input (<see cref="NeighborhoodPreservation.Trustworthiness(TorchSharp.torch.Tensor, TorchSharp.torch.Tensor, int)"/>).</param>
/// <param name="Continuity">C(k) against the input (<see cref="NeighborhoodPreservation.Continuity(TorchSharp.torch.Tensor, TorchSharp.torch.Tensor, int)"/>).</param>
/// <param name="KnnAccuracy">Cross-validated k-NN accuracy of the embedded points (<see cref="Metrics.KnnAccuracy.CrossValidated(TorchSharp.torch.Tensor, TorchSharp.torch.Tensor, int, int)"/>).</param>
/// <param name="Silhouette">Silhouette of the labels in the embedding (<see cref="Metrics.Silhouette.Score(TorchSharp.torch.Tensor, TorchSharp.torch.Tensor)"/>).</param>
public sealed record ProjectionQuality(
    string Space, string Method, int Points, double Seconds, double Trustworthiness, double Continuity, double KnnAccuracy, double Silhouette);
