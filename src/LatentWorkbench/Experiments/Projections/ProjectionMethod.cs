namespace LatentWorkbench.Experiments.Projections;

/// <summary>The nonlinear projection a <see cref="ProjectionExperiment"/> runs.</summary>
public enum ProjectionMethod
{
    /// <summary>t-SNE (van der Maaten &amp; Hinton 2008), <see cref="Reduction.Tsne.TsneReducer"/>.</summary>
    Tsne,

    /// <summary>UMAP (McInnes, Healy &amp; Melville 2018), <see cref="Reduction.Umap.UmapReducer"/>.</summary>
    Umap,
}
