namespace LatentWorkbench.Reduction.Umap;

/// <summary>The stages of a UMAP fit, in order.</summary>
public enum UmapStage
{
    /// <summary>k-nearest-neighbour search.</summary>
    Neighbors,

    /// <summary>Smooth k-NN distances and the fuzzy union.</summary>
    Graph,

    /// <summary>The starting layout (spectral eigenvectors, PCA or random).</summary>
    Initialization,

    /// <summary>SGD epochs of the layout.</summary>
    Layout,
}

/// <summary>What a <see cref="UmapCallback"/> asks the layout to do next.</summary>
public enum UmapDecision
{
    /// <summary>Keep optimising.</summary>
    Continue,

    /// <summary>Stop now; the layout so far is returned.</summary>
    Stop,
}

/// <summary>A snapshot of a UMAP fit, passed to the callback when a stage starts and every few layout epochs.</summary>
/// <param name="Stage">The stage running.</param>
/// <param name="Epoch">Layout epochs done (0 before the layout).</param>
/// <param name="TotalEpochs">Layout epochs planned.</param>
/// <param name="Elapsed">Wall time since the fit started.</param>
public sealed record UmapProgress(UmapStage Stage, int Epoch, int TotalEpochs, TimeSpan Elapsed);

/// <summary>Called as a UMAP fit progresses; return <see cref="UmapDecision.Stop"/> to end the layout early.</summary>
public delegate UmapDecision UmapCallback(UmapProgress progress);
