using LatentWorkbench.Reduction.Neighbors;
namespace LatentWorkbench.Reduction.Umap;

/// <summary>
/// UMAP's local metric per point: ρᵢ (distance to the nearest neighbour, interpolated by the local connectivity) and
/// σᵢ, found by bisection so that Σⱼ exp(−max(0, dᵢⱼ − ρᵢ) / σᵢ) = log₂(k + 1) over the k other neighbours.
/// </summary>
/// <remarks>
/// As umap-learn's <c>smooth_knn_dist</c> (bandwidth 1): at most 64 bisection steps, tolerance 1e-5; σᵢ is kept at
/// least 1e-3 × the mean distance to the neighbours (of the row when ρᵢ &gt; 0, of all rows otherwise), so a point
/// whose neighbours are all at one distance does not get σ = 0. k + 1 is umap-learn's n_neighbors (it counts the
/// point itself). The membership strength of edge i → j is then exp(−max(0, dᵢⱼ − ρᵢ) / σᵢ). Internal: a step inside
/// <see cref="FuzzySimplicialSet.FromNeighbors"/>, the public stage, whose loop reads these per-point arrays.
/// </remarks>
internal static class SmoothKnn
{
    private const int MaxSteps = 64;
    private const double Tolerance = 1e-5;
    private const double MinScale = 1e-3;

    /// <summary>ρ and σ of every point (arrays of length N).</summary>
    public static (double[] Rho, double[] Sigma) Calibrate(NeighborGraph neighbors, double localConnectivity = 1.0)
    {
        ArgumentNullException.ThrowIfNull(neighbors);
        if (!(localConnectivity >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(localConnectivity), localConnectivity, "localConnectivity must be ≥ 0.");
        }

        int n = neighbors.Rows;
        var rho = new double[n];
        var sigma = new double[n];
        double meanAll = 0;
        for (int i = 0; i < n; i++)
        {
            meanAll += Mean(neighbors.Distances(i));
        }

        meanAll /= n;
        double target = Math.Log2(neighbors.K + 1);
        Parallel.For(0, n, i =>
        {
            var distances = neighbors.Distances(i);
            rho[i] = Rho(distances, localConnectivity);
            sigma[i] = Sigma(distances, rho[i], target);
            double floor = MinScale * (rho[i] > 0 ? Mean(distances) : meanAll);
            sigma[i] = Math.Max(sigma[i], floor);
        });
        return (rho, sigma);
    }

    /// <summary>exp(−max(0, d − ρ) / σ): the membership strength of a neighbour at distance d.</summary>
    public static double Membership(double distance, double rho, double sigma) =>
        distance - rho <= 0 || sigma <= 0 ? 1.0 : Math.Exp(-(distance - rho) / sigma);

    private static double Rho(ReadOnlySpan<double> distances, double localConnectivity)
    {
        // The positive distances, ascending (the neighbour lists are sorted).
        int firstPositive = 0;
        while (firstPositive < distances.Length && distances[firstPositive] <= 0)
        {
            firstPositive++;
        }

        var positive = distances[firstPositive..];
        if (positive.Length == 0)
        {
            return 0;
        }

        if (positive.Length < localConnectivity)
        {
            return positive[^1];
        }

        int index = (int)Math.Floor(localConnectivity);
        double interpolation = localConnectivity - index;
        if (index == 0)
        {
            return interpolation * positive[0];
        }

        double rho = positive[index - 1];
        if (interpolation > Tolerance && index < positive.Length)
        {
            rho += interpolation * (positive[index] - positive[index - 1]);
        }

        return rho;
    }

    private static double Sigma(ReadOnlySpan<double> distances, double rho, double target)
    {
        double low = 0, high = double.PositiveInfinity, mid = 1;
        for (int step = 0; step < MaxSteps; step++)
        {
            double sum = 0;
            foreach (double d in distances)
            {
                double excess = d - rho;
                sum += excess > 0 ? Math.Exp(-excess / mid) : 1.0;
            }

            if (Math.Abs(sum - target) < Tolerance)
            {
                break;
            }

            if (sum > target)
            {
                high = mid;
                mid = (low + high) / 2;
            }
            else
            {
                low = mid;
                mid = double.IsPositiveInfinity(high) ? mid * 2 : (low + high) / 2;
            }
        }

        return mid;
    }

    private static double Mean(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double v in values)
        {
            sum += v;
        }

        return sum / values.Length;
    }
}
