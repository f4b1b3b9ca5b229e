using LatentWorkbench.Compute;
using TorchSharp;

namespace LatentWorkbench.Experiments.Arithmetic;

/// <summary>
/// Analogies "thick p − thin p + thin q = thick q?" decoded and judged: does the result read as q (classifier), and
/// does it carry more ink than the thin q it started from?
/// </summary>
/// <param name="Images">[4 · pairs, input]: for each (p, q) the decoded a (thick p), b (thin p), c (thin q) and a − b + c.</param>
/// <param name="Pairs">The class pairs (p, q).</param>
/// <param name="Predicted">The classifier's class of each result, int64 CPU [pairs].</param>
/// <param name="InkGain">Ink of the decoded result minus ink of the decoded c, per pair: float64 CPU [pairs].</param>
public sealed record ThicknessAnalogies(torch.Tensor Images, IReadOnlyList<(int P, int Q)> Pairs, torch.Tensor Predicted, torch.Tensor InkGain)
{
    /// <summary>Share of results the classifier reads as q.</summary>
    public double FractionReadAsTarget
    {
        get
        {
            long[] predicted = TensorValues.Longs(Predicted);
            return Pairs.Select((pair, i) => predicted[i] == pair.Q ? 1.0 : 0.0).Average();
        }
    }

    /// <summary>Share of results with more ink than the thin q they started from.</summary>
    public double FractionThicker
    {
        get
        {
            double[] gain = TensorValues.Doubles(InkGain);
            return gain.Count(g => g > 0) / (double)gain.Length;
        }
    }
}
