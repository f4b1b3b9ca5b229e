using TorchSharp;

namespace LatentWorkbench.Latent;

/// <summary>Walks from one code along a latent dimension or a direction: origin + sᵢ·unit·direction for each step sᵢ.</summary>
/// <remarks>
/// Steps are in units the caller chooses: a dimension's aggregate standard deviation over the data
/// (<see cref="LatentStatistics.AggregateStd"/>), the posterior σ of that dimension, or the spread of the codes along a
/// direction (<see cref="LatentStatistics.StdAlong"/>), so that "3 units" means the same distance in any model.
/// Codes are [latent]; a traversal is [S, latent].
/// </remarks>
public static class Traversal
{
    /// <summary>origin + sᵢ·unit·direction for each step sᵢ, [S, latent].</summary>
    public static torch.Tensor Along(torch.Tensor origin, torch.Tensor direction, IReadOnlyList<double> steps, double unit = 1)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(direction);
        ArgumentNullException.ThrowIfNull(steps);
        if (origin.shape.Length != 1 || direction.shape.Length != 1 || origin.shape[0] != direction.shape[0])
        {
            throw new ArgumentException($"origin and direction must be latent vectors of one length; got [{string.Join(", ", origin.shape)}] and [{string.Join(", ", direction.shape)}].", nameof(direction));
        }

        if (steps.Count == 0 || !double.IsFinite(unit))
        {
            throw new ArgumentException($"Give at least one step and a finite unit (got {steps.Count} steps, unit {unit}).", nameof(steps));
        }

        using var scope = torch.NewDisposeScope();
        var s = torch.tensor(steps.Select(v => v * unit).ToArray(), dtype: torch.float64, device: origin.device).unsqueeze(1);
        var path = origin.to(torch.float64).unsqueeze(0) + (s * direction.to(torch.float64).to(origin.device).unsqueeze(0));
        return path.to(origin.dtype).MoveToOuterDisposeScope();
    }

    /// <summary>Steps along latent dimension <paramref name="dimension"/> alone, in units of <paramref name="unit"/>, [S, latent].</summary>
    public static torch.Tensor OfDimension(torch.Tensor origin, int dimension, IReadOnlyList<double> steps, double unit = 1)
    {
        ArgumentNullException.ThrowIfNull(origin);
        if (origin.shape.Length != 1 || dimension < 0 || dimension >= origin.shape[0])
        {
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, $"dimension must index the origin's {(origin.shape.Length == 1 ? origin.shape[0] : -1)} latent dimensions.");
        }

        using var basis = torch.zeros(origin.shape[0], dtype: origin.dtype, device: origin.device);
        basis[dimension] = 1;
        return Along(origin, basis, steps, unit);
    }
}
