using TorchSharp;

namespace LatentWorkbench.Latent;

/// <summary>Paths between two latent codes: straight (lerp) and along the great circle (slerp), inside or beyond the endpoints.</summary>
/// <remarks>
/// Codes a and b are [latent] vectors; a path is [T, latent], row i at fraction tᵢ (0 → a, 1 → b; t &lt; 0 or t &gt; 1
/// extrapolates). Computed in float64, returned in a's dtype and device.
/// </remarks>
public static class Interpolation
{
    /// <summary>Below this sin Ω the two codes are treated as parallel and slerp falls back to lerp.</summary>
    public const double ParallelTolerance = 1e-6;

    /// <summary><paramref name="count"/> evenly spaced fractions from <paramref name="from"/> to <paramref name="to"/>, both included (0 … 1 by default).</summary>
    public static IReadOnlyList<double> Fractions(int count, double from = 0, double to = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        return [.. Enumerable.Range(0, count).Select(i => from + ((to - from) * i / (count - 1)))];
    }

    /// <summary>Linear interpolation (1 − t)·a + t·b at each fraction: [T, latent].</summary>
    public static torch.Tensor Lerp(torch.Tensor a, torch.Tensor b, IReadOnlyList<double> fractions)
    {
        Check(a, b, fractions);
        using var scope = torch.NewDisposeScope();
        var (a64, b64, t) = AsFloat64(a, b, fractions);
        return ((1 - t) * a64 + t * b64).to(a.dtype).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Spherical interpolation (Shoemake 1985; White 2016 for latent spaces):
    /// sin((1 − t)Ω)/sin Ω · a + sin(tΩ)/sin Ω · b with Ω the angle between a and b. Codes of equal norm keep that norm
    /// along the path, where lerp cuts through the low-norm interior that a Gaussian prior rarely samples.
    /// </summary>
    public static torch.Tensor Slerp(torch.Tensor a, torch.Tensor b, IReadOnlyList<double> fractions)
    {
        Check(a, b, fractions);
        using var scope = torch.NewDisposeScope();
        var (a64, b64, t) = AsFloat64(a, b, fractions);
        double cos = ((a64 * b64).sum() / (a64.norm() * b64.norm())).clamp(-1, 1).item<double>();
        double omega = Math.Acos(cos);
        if (Math.Sin(omega) < ParallelTolerance)
        {
            return ((1 - t) * a64 + t * b64).to(a.dtype).MoveToOuterDisposeScope();
        }

        var wa = ((1 - t) * omega).sin() / Math.Sin(omega);
        var wb = (t * omega).sin() / Math.Sin(omega);
        return (wa * a64 + wb * b64).to(a.dtype).MoveToOuterDisposeScope();
    }

    private static (torch.Tensor A, torch.Tensor B, torch.Tensor T) AsFloat64(torch.Tensor a, torch.Tensor b, IReadOnlyList<double> fractions)
    {
        var t = torch.tensor(fractions.ToArray(), dtype: torch.float64, device: a.device).unsqueeze(1);
        return (a.to(torch.float64).unsqueeze(0), b.to(torch.float64).to(a.device).unsqueeze(0), t);
    }

    private static void Check(torch.Tensor a, torch.Tensor b, IReadOnlyList<double> fractions)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(fractions);
        if (a.shape.Length != 1 || b.shape.Length != 1 || a.shape[0] != b.shape[0])
        {
            throw new ArgumentException($"a and b must be latent vectors of one length; got [{string.Join(", ", a.shape)}] and [{string.Join(", ", b.shape)}].", nameof(b));
        }

        if (fractions.Count == 0)
        {
            throw new ArgumentException("fractions is empty; give at least one t.", nameof(fractions));
        }
    }
}
