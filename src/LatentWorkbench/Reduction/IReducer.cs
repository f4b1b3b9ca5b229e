namespace LatentWorkbench.Reduction;

/// <summary>
/// The contract every reducer follows (STYLE.md §4): options fixed at construction and validated in
/// <see cref="Fit"/>; <see cref="Fit"/> learns from N×D data and returns a fitted model with read-only state.
/// </summary>
/// <typeparam name="TModel">The fitted model (e.g. <see cref="Pca.PcaModel"/>, or a t-SNE embedding).</typeparam>
public interface IReducer<out TModel>
{
    /// <summary>Learns from <paramref name="data"/> (N×D, finite, non-empty).</summary>
    /// <exception cref="ArgumentException">The options or the data are invalid; the message names which.</exception>
    TModel Fit(Matrix data);
}

/// <summary>A fitted reducer that maps new points into its space (t-SNE honestly has none).</summary>
public interface IProjection
{
    /// <summary>Maps <paramref name="data"/> (M×D) to M×K.</summary>
    Matrix Transform(Matrix data);
}
