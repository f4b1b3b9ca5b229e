using TorchSharp;

namespace LatentWorkbench.Reduction;

/// <summary>
/// The contract every reducer follows (STYLE.md §4): options fixed at construction and validated in
/// <see cref="Fit"/>; <see cref="Fit"/> learns from N×D data and returns a fitted model with read-only state.
/// </summary>
/// <typeparam name="TModel">The fitted model (e.g. <see cref="Pca.PcaModel"/>, or a t-SNE embedding).</typeparam>
public interface IReducer<out TModel>
{
    /// <summary>Learns from <paramref name="data"/> (float32 N×D points, finite, non-empty; a tensor on another device, of another dtype or not contiguous is copied once to the CPU).</summary>
    /// <exception cref="ArgumentException">The options or the data are invalid; the message names which.</exception>
    TModel Fit(torch.Tensor data);
}

/// <summary>A fitted reducer that maps new points into its space (t-SNE honestly has none).</summary>
public interface IProjection
{
    /// <summary>Maps <paramref name="data"/> (float32 M×D) to a new float32 CPU tensor M×K.</summary>
    torch.Tensor Transform(torch.Tensor data);
}
