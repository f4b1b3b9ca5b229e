namespace LatentWorkbench.Metrics.Collapse;

/// <summary>How collapsed a VAE's posterior is on a data set (<see cref="PosteriorCollapse"/>).</summary>
/// <remarks>The per-dimension values are summaries of the whole data set, one number per latent dimension (a few dozen at
/// most), so they are read-only lists rather than tensors.</remarks>
/// <param name="KlPerDimension">Mean KL(q(z_u|x) ‖ N(0, 1)) per latent dimension u, nats.</param>
/// <param name="MeanVariances">Var_x(E_q[z_u|x]) per dimension u.</param>
/// <param name="ActiveUnits">Dimensions whose <paramref name="MeanVariances"/> exceed <paramref name="Threshold"/>.</param>
/// <param name="MutualInformation">I(x; z) under q, nats (He et al. 2019).</param>
/// <param name="Threshold">The activity threshold used (Burda et al.: 0.01).</param>
public sealed record CollapseReport(IReadOnlyList<double> KlPerDimension, IReadOnlyList<double> MeanVariances, int ActiveUnits, double MutualInformation, double Threshold)
{
    /// <summary>Latent dimensions.</summary>
    public int LatentSize => KlPerDimension.Count;

    /// <summary>The mean KL term per example: Σ_u KL_u.</summary>
    public double Kl => KlPerDimension.Sum();
}
