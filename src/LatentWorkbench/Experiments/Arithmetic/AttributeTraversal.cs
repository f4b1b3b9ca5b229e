using LatentWorkbench.Compute;
using TorchSharp;

namespace LatentWorkbench.Experiments.Arithmetic;

/// <summary>Codes walked along an attribute vector, decoded, and the attribute measured on the decoded images.</summary>
/// <remarks>
/// The per-image and per-origin values are float64 CPU tensors; the means below (over origins) are summaries of a few
/// numbers each, computed in C# over those values.
/// </remarks>
/// <param name="Attribute">The attribute's name.</param>
/// <param name="Steps">Steps in units of the codes' spread along the vector.</param>
/// <param name="Images">Decoded images, [origins · steps, input], one row of steps per origin.</param>
/// <param name="Measured">The attribute of each decoded image, float64 [origins, steps].</param>
/// <param name="Spearman">Spearman's ρ of the measured attribute against the step, per origin: float64 [origins].</param>
/// <param name="FractionRising">Share of consecutive steps in which the measured attribute rose, per origin: float64 [origins].</param>
public sealed record AttributeTraversal(
    string Attribute,
    IReadOnlyList<double> Steps,
    torch.Tensor Images,
    torch.Tensor Measured,
    torch.Tensor Spearman,
    torch.Tensor FractionRising)
{
    /// <summary>Mean of <see cref="Spearman"/> over the origins (constant paths, whose ρ is undefined, are left out).</summary>
    public double MeanSpearman => TensorValues.Doubles(Spearman).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Average();

    /// <summary>Mean of <see cref="FractionRising"/> over the origins.</summary>
    public double MeanFractionRising => TensorValues.Doubles(FractionRising).Average();

    /// <summary>The measured attribute at each step, averaged over the origins.</summary>
    public IReadOnlyList<double> MeanMeasured
    {
        get
        {
            double[][] measured = [.. TensorValues.Doubles(Measured).Chunk(Steps.Count)];
            return [.. Enumerable.Range(0, Steps.Count).Select(s => measured.Average(m => m[s]))];
        }
    }
}
