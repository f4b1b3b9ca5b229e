namespace LatentWorkbench.Models.Autoencoders;

/// <summary>How a denoising autoencoder corrupts its training input (Vincent et al. 2008, 2010).</summary>
public enum NoiseKind
{
    /// <summary>x̃ = x + σ·ε, ε ~ N(0, I); the level is σ. Not clipped to [0, 1].</summary>
    Gaussian,

    /// <summary>Each pixel set to 0 with probability ν (masking / dropout noise); the level is ν.</summary>
    Masking,

    /// <summary>Each pixel, with probability ν, set to 0 or 1 with equal chance; the level is ν.</summary>
    SaltAndPepper,
}
