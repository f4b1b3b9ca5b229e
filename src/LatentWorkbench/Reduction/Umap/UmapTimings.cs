namespace LatentWorkbench.Reduction.Umap;

/// <summary>Wall seconds of each stage of a UMAP fit.</summary>
/// <param name="Neighbors">k-NN search.</param>
/// <param name="Graph">Smooth k-NN distances and fuzzy union.</param>
/// <param name="Initialization">Starting layout.</param>
/// <param name="Layout">SGD epochs.</param>
public sealed record UmapTimings(double Neighbors, double Graph, double Initialization, double Layout)
{
    /// <summary>All stages together.</summary>
    public double Total => Neighbors + Graph + Initialization + Layout;
}
