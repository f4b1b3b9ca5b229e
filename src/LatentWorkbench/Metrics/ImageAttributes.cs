using TorchSharp;

namespace LatentWorkbench.Metrics;

/// <summary>
/// Attributes MNIST does not label, measured from the pixels: stroke thickness (ink mass) and slant (shear from the
/// second moments of the ink), so latent directions can be found for them and decoded images checked against them.
/// </summary>
/// <remarks>
/// Images are flattened grey images [N, side²] with ink ≥ 0 (MNIST: ink bright). Coordinates: x = column (to the right),
/// y = −row (upwards), so a digit leaning right has positive slant. With ink weights I, m = Σ I, centroid (x̄, ȳ),
/// μ₁₁ = Σ I (x − x̄)(y − ȳ) / m and μ₀₂ = Σ I (y − ȳ)² / m:
/// slant = μ₁₁ / μ₀₂, the horizontal shift per row upwards of the least-squares line x = x̄ + slant·(y − ȳ).
/// Deslanting by the shear x' = x − slant·(y − ȳ) is the classic MNIST moment normalisation.
/// </remarks>
public static class ImageAttributes
{
    /// <summary>Ink mass: Σ pixels per image, [N] (float64). For a fixed digit shape it grows with stroke thickness.</summary>
    public static torch.Tensor InkMass(torch.Tensor images, int side = 28)
    {
        using var scope = torch.NewDisposeScope();
        return Square(images, side).sum([1, 2]).MoveToOuterDisposeScope();
    }

    /// <summary>Slant (shear μ₁₁/μ₀₂, positive leaning right), [N] (float64); 0 for an image without ink or with all ink in one row.</summary>
    public static torch.Tensor Slant(torch.Tensor images, int side = 28)
    {
        using var scope = torch.NewDisposeScope();
        var ink = Square(images, side).clamp_min(0);                                                      // [N, s, s]
        var x = torch.arange(side, dtype: torch.float64, device: ink.device).view(1, 1, side);            // columns
        var y = -torch.arange(side, dtype: torch.float64, device: ink.device).view(1, side, 1);           // rows, upwards
        var mass = ink.sum([1, 2]);                                                                        // [N]
        var safeMass = mass.clamp_min(double.Epsilon);
        var meanX = (ink * x).sum([1, 2]) / safeMass;
        var meanY = (ink * y).sum([1, 2]) / safeMass;
        var dx = x - meanX.view(-1, 1, 1);
        var dy = y - meanY.view(-1, 1, 1);
        var mu11 = (ink * dx * dy).sum([1, 2]);
        var mu02 = (ink * dy * dy).sum([1, 2]);
        var slant = torch.where(mu02.gt(1e-12 * safeMass), mu11 / mu02.clamp_min(double.Epsilon), torch.zeros_like(mu02));
        return slant.MoveToOuterDisposeScope();
    }

    private static torch.Tensor Square(torch.Tensor images, int side)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(side);
        if (images.shape.Length != 2 || images.shape[1] != (long)side * side)
        {
            throw new ArgumentException($"images must be flattened [N, {side * side}] ({side}×{side}); got [{string.Join(", ", images.shape)}].", nameof(images));
        }

        return images.to(torch.float64).view(-1, side, side);
    }
}
