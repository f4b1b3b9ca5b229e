namespace LatentWorkbench.Experiments.Arithmetic;

/// <summary>
/// A property MNIST does not label, measured from the pixels (<see cref="Metrics.ImageAttributes"/>), that notebook 05
/// fits a latent direction to (<see cref="LatentArithmeticOptions.Attributes"/>; <c>--set attributes=slant</c>).
/// </summary>
public enum DigitAttribute
{
    /// <summary>Stroke thickness: the ink mass, <see cref="Metrics.ImageAttributes.InkMass"/>.</summary>
    Thickness,

    /// <summary>Slant: the shear μ₁₁/μ₀₂ of the ink, <see cref="Metrics.ImageAttributes.Slant"/>.</summary>
    Slant,
}
