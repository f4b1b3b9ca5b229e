namespace LatentWorkbench.Reduction.Umap;

/// <summary>
/// The embedding-space similarity curve φ(d) = 1 / (1 + a·d^(2b)) and the fit of (a, b) to <c>min_dist</c> and <c>spread</c>.
/// </summary>
/// <remarks>
/// As umap-learn's <c>find_ab_params</c>: the target is ψ(d) = 1 for d &lt; min_dist and exp(−(d − min_dist) / spread)
/// beyond, sampled at 300 evenly spaced d in [0, 3·spread]; (a, b) minimise Σ (φ(d) − ψ(d))² by Levenberg–Marquardt
/// from (1, 1), as scipy's <c>curve_fit</c> does. For min_dist = 0.1, spread = 1: a ≈ 1.577, b ≈ 0.895.
/// </remarks>
public static class UmapCurve
{
    private const int Samples = 300;
    private const int MaxIterations = 500;

    /// <summary>Fits (a, b) for the given spread and minimum distance.</summary>
    /// <exception cref="ArgumentOutOfRangeException">spread ≤ 0, or min_dist outside [0, spread].</exception>
    public static (double A, double B) Fit(double spread, double minDist)
    {
        if (!(spread > 0) || !double.IsFinite(spread))
        {
            throw new ArgumentOutOfRangeException(nameof(spread), spread, "spread must be a finite number > 0.");
        }

        if (!(minDist >= 0) || minDist > spread)
        {
            throw new ArgumentOutOfRangeException(nameof(minDist), minDist, $"minDist must be between 0 and spread ({spread}).");
        }

        var x = new double[Samples];
        var y = new double[Samples];
        for (int i = 0; i < Samples; i++)
        {
            x[i] = 3 * spread * i / (Samples - 1);
            y[i] = x[i] < minDist ? 1 : Math.Exp(-(x[i] - minDist) / spread);
        }

        double a = 1, b = 1, lambda = 1e-3;
        double cost = Cost(x, y, a, b);
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            // Normal equations JᵀJ δ = −Jᵀr of the residuals r = φ − ψ, damped on the diagonal (Marquardt's scaling).
            double jaa = 0, jab = 0, jbb = 0, ga = 0, gb = 0;
            for (int i = 0; i < Samples; i++)
            {
                var (f, da, db) = ValueAndGradient(x[i], a, b);
                double r = f - y[i];
                jaa += da * da;
                jab += da * db;
                jbb += db * db;
                ga += da * r;
                gb += db * r;
            }

            bool improved = false;
            while (lambda < 1e12)
            {
                double maa = jaa * (1 + lambda), mbb = jbb * (1 + lambda), det = (maa * mbb) - (jab * jab);
                double stepA = -((mbb * ga) - (jab * gb)) / det, stepB = -((maa * gb) - (jab * ga)) / det;
                double newCost = Cost(x, y, a + stepA, b + stepB);
                if (newCost < cost)
                {
                    bool converged = Math.Abs(stepA) <= 1e-12 * (Math.Abs(a) + 1e-12) && Math.Abs(stepB) <= 1e-12 * (Math.Abs(b) + 1e-12);
                    a += stepA;
                    b += stepB;
                    improved = cost - newCost > 1e-15 * cost && !converged;
                    cost = newCost;
                    lambda = Math.Max(lambda / 10, 1e-12);
                    break;
                }

                lambda *= 10;
            }

            if (!improved)
            {
                break;
            }
        }

        return (a, b);
    }

    /// <summary>φ(d) = 1 / (1 + a·d^(2b)) with its partial derivatives in a and b.</summary>
    internal static (double Value, double DA, double DB) ValueAndGradient(double d, double a, double b)
    {
        if (d <= 0)
        {
            return (1, 0, 0);
        }

        double power = Math.Pow(d, 2 * b), denominator = 1 + (a * power), square = denominator * denominator;
        return (1 / denominator, -power / square, -a * power * 2 * Math.Log(d) / square);
    }

    private static double Cost(double[] x, double[] y, double a, double b)
    {
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double r = ValueAndGradient(x[i], a, b).Value - y[i];
            sum += r * r;
        }

        return sum;
    }
}
