namespace LatentWorkbench.Experiments.Projections;

/// <summary>
/// A description of the digits that notebook 04 projects (<see cref="ProjectionStudyOptions.Spaces"/>); given by name on
/// the command line (<c>--set spaces=pixels,pca,vae</c>), where a name that is not a member is refused before anything runs.
/// </summary>
public enum ProjectionInputSpace
{
    /// <summary>The 784 raw pixels.</summary>
    Pixels,

    /// <summary>The first <see cref="ProjectionStudyOptions.PcaComponents"/> principal components, fitted on training digits.</summary>
    Pca,

    /// <summary>The codes of notebook 02's deep autoencoder at <see cref="ProjectionStudyOptions.AutoencoderCodeSize"/>.</summary>
    Autoencoder,

    /// <summary>The posterior means μ of notebook 03's VAE.</summary>
    Vae,
}
