namespace LatentWorkbench.Experiments;

/// <summary>The bound a VAE run maximises (<see cref="VaeObjective.Kind"/>).</summary>
public enum VaeObjectiveKind
{
    /// <summary>The ELBO with a weight β on its KL term (β = 1: the plain VAE; otherwise a β-VAE).</summary>
    Elbo,

    /// <summary>The importance-weighted bound L_K of the IWAE.</summary>
    Iwae,
}
