namespace LatentWorkbench.Models.Autoencoders;

/// <summary>The corruption of a denoising autoencoder.</summary>
/// <param name="Kind">Gaussian, masking or salt-and-pepper noise.</param>
/// <param name="Level">σ for Gaussian noise (≥ 0); the corrupted fraction ν ∈ [0, 1] for masking and salt-and-pepper.</param>
/// <param name="Seed">Seed of the noise generator: the same seed draws the same corruptions in the same order.</param>
public sealed record DenoisingOptions(NoiseKind Kind = NoiseKind.Masking, double Level = 0.25, long Seed = 0)
{
    /// <summary>Throws when the level is out of range for the kind, naming <see cref="Level"/>.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Kind))
        {
            throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "Expected Gaussian, Masking or SaltAndPepper.");
        }

        bool valid = Kind == NoiseKind.Gaussian ? Level >= 0 && double.IsFinite(Level) : Level is >= 0 and <= 1;
        if (!valid)
        {
            throw new ArgumentOutOfRangeException(nameof(Level), Level, Kind == NoiseKind.Gaussian
                ? "The Gaussian noise level σ must be finite and ≥ 0."
                : $"The {Kind} noise level is a fraction of pixels: expected 0 ≤ Level ≤ 1.");
        }
    }
}
