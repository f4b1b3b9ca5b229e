using TorchSharp;

namespace LatentWorkbench.Experiments.Arithmetic;

/// <summary>Codes walked along an attribute vector, decoded, and the attribute measured on the decoded images.</summary>
/// <param name="Attribute">The attribute's name.</param>
/// <param name="Steps">Steps in units of the codes' spread along the vector.</param>
/// <param name="Images">Decoded images, [origins · steps, input], one row of steps per origin.</param>
/// <param name="Measured">The attribute of each decoded image: [origin][step].</param>
/// <param name="Spearman">Spearman's ρ of the measured attribute against the step, per origin.</param>
/// <param name="FractionRising">Share of consecutive steps in which the measured attribute rose, per origin.</param>
public sealed record AttributeTraversal(
    string Attribute,
    IReadOnlyList<double> Steps,
    torch.Tensor Images,
    double[][] Measured,
    double[] Spearman,
    double[] FractionRising)
{
    /// <summary>Mean of <see cref="Spearman"/> over the origins (constant paths, whose ρ is undefined, are left out).</summary>
    public double MeanSpearman => Spearman.Where(double.IsFinite).DefaultIfEmpty(double.NaN).Average();

    /// <summary>Mean of <see cref="FractionRising"/> over the origins.</summary>
    public double MeanFractionRising => FractionRising.Average();

    /// <summary>The measured attribute at each step, averaged over the origins.</summary>
    public IReadOnlyList<double> MeanMeasured => [.. Enumerable.Range(0, Steps.Count).Select(s => Measured.Average(m => m[s]))];
}
