namespace LatentWorkbench.Reduction.Umap;

/// <summary>A starting layout and how it was made.</summary>
/// <param name="Points">N×dims, row-major, each column in [0, 10].</param>
/// <param name="Used">The initialisation actually used (PCA when a spectral one fell back).</param>
/// <param name="Note">Why a fallback happened; null when the requested one was used.</param>
internal sealed record UmapStart(float[] Points, UmapInitialization Used, string? Note);
