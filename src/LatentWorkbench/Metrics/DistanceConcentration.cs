using static TorchSharp.torch;

namespace LatentWorkbench.Metrics;

/// <summary>
/// The curse of dimensionality, measured: in many dimensions the nearest and the farthest neighbour of a point are
/// almost equally far (Beyer et al. 1999), so "nearest" carries little information. For a sample of query points this
/// measures the ratio of the nearest to the farthest distance (1 = no contrast at all) and the relative contrast
/// (farthest − nearest) / nearest (0 = none).
/// </summary>
public static class DistanceConcentration
{
    /// <summary>Measures <paramref name="points"/> (float32 [N, D], N ≥ 3) from <paramref name="queries"/> of them drawn by <paramref name="seed"/>.</summary>
    /// <exception cref="ArgumentException">Too few points or non-finite values.</exception>
    public static DistanceConcentrationResult Measure(Tensor points, int queries = 500, long seed = 0)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.dim() != 2 || points.shape[0] < 3)
        {
            throw new ArgumentException($"points must be an N×D matrix with at least three rows; it has shape [{string.Join(", ", points.shape)}].", nameof(points));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(queries);
        using var scope = NewDisposeScope();
        var x = points.detach().to(CPU).to_type(ScalarType.Float64);
        if (!x.isfinite().all().item<bool>())
        {
            throw new ArgumentException("points hold NaN or infinite values; expected only finite values.", nameof(points));
        }

        long n = x.shape[0];
        int q = (int)Math.Min(queries, n);
        var random = new Random(unchecked((int)seed ^ (int)(seed >> 32)));
        long[] chosen = Enumerable.Range(0, (int)n).Select(i => (long)i).ToArray();
        random.Shuffle(chosen);
        var queryIndex = tensor(chosen[..q]);
        var distances = cdist(x.index_select(0, queryIndex), x);

        // A point is not its own neighbour.
        var self = arange(q, dtype: ScalarType.Int64);
        var forMin = distances.index_put_(tensor(double.PositiveInfinity, ScalarType.Float64), self, queryIndex);
        var nearest = forMin.min(1).values;
        var farthest = distances.index_put_(tensor(0.0, ScalarType.Float64), self, queryIndex).max(1).values;
        var ratio = nearest / farthest;
        var contrast = (farthest - nearest) / nearest;
        return new DistanceConcentrationResult(
            ratio.mean().item<double>(),
            ratio.std().item<double>(),
            contrast.mean().item<double>(),
            q,
            (int)x.shape[1]);
    }
}
