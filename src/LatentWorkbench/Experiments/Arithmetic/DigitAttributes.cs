using LatentWorkbench.Metrics;
using TorchSharp;

namespace LatentWorkbench.Experiments.Arithmetic;

/// <summary>How each <see cref="DigitAttribute"/> is measured and named.</summary>
public static class DigitAttributes
{
    /// <summary>The attribute of each image, float64 [N], from flattened images [N, side²].</summary>
    public static torch.Tensor Measure(this DigitAttribute attribute, torch.Tensor images, int side = 28) => attribute switch
    {
        DigitAttribute.Thickness => ImageAttributes.InkMass(images, side),
        DigitAttribute.Slant => ImageAttributes.Slant(images, side),
        _ => throw new ArgumentOutOfRangeException(nameof(attribute), attribute, "Not a digit attribute."),
    };

    /// <summary>The attribute's name in tables and findings: "thickness", "slant".</summary>
    public static string Name(this DigitAttribute attribute) => attribute.ToString().ToLowerInvariant();

    /// <summary>What the measured number is, for a chart's axis: "ink mass", "shear μ11/μ02".</summary>
    public static string Measurement(this DigitAttribute attribute) => attribute switch
    {
        DigitAttribute.Thickness => "ink mass",
        DigitAttribute.Slant => "shear μ11/μ02",
        _ => throw new ArgumentOutOfRangeException(nameof(attribute), attribute, "Not a digit attribute."),
    };
}
