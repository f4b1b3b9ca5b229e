using System.Globalization;

namespace LatentWorkbench.Reporting;

/// <summary>
/// One measurement repeated over seeds: its mean, its sample standard deviation and how many seeds it rests on. A
/// claim made from one seed is luck until the spread is known; this is what a notebook's comparison tables and its
/// "what this run shows" sentences read.
/// </summary>
public sealed record SeedSpread
{
    /// <summary>Summarises <paramref name="values"/>, one per seed.</summary>
    /// <exception cref="ArgumentException">No values.</exception>
    public SeedSpread(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("A spread over seeds needs at least one value.", nameof(values));
        }

        Values = values.ToArray();
        Mean = values.Average();
        double mean = Mean;
        StandardDeviation = values.Count < 2 ? double.NaN : Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }

    /// <summary>The values, one per seed, in the order given.</summary>
    public IReadOnlyList<double> Values { get; }

    /// <summary>How many seeds.</summary>
    public int Count => Values.Count;

    /// <summary>The mean over the seeds.</summary>
    public double Mean { get; }

    /// <summary>The sample standard deviation (n − 1); NaN for a single seed, whose spread is unknown.</summary>
    public double StandardDeviation { get; }

    /// <summary>The standard error of the mean, s.d. / √n; NaN for a single seed.</summary>
    public double StandardError => StandardDeviation / Math.Sqrt(Count);

    /// <summary><c>0.9512 ± 0.0021</c> over several seeds, <c>0.9512</c> for one (no spread to show).</summary>
    /// <param name="digits">Digits after the point.</param>
    public string Format(int digits = 4)
    {
        string format = "F" + digits.ToString(CultureInfo.InvariantCulture);
        string mean = Mean.ToString(format, CultureInfo.InvariantCulture);
        return Count < 2 ? mean : $"{mean} ± {StandardDeviation.ToString(format, CultureInfo.InvariantCulture)}";
    }

    /// <summary>
    /// Whether this and <paramref name="other"/> are told apart by their seeds: the means differ by more than twice the
    /// standard error of the difference (√(s₁²/n₁ + s₂²/n₂)). Null when either rests on one seed (nothing to compare with).
    /// </summary>
    public bool? DiffersFrom(SeedSpread other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Count < 2 || other.Count < 2)
        {
            return null;
        }

        double error = Math.Sqrt((StandardError * StandardError) + (other.StandardError * other.StandardError));
        return Math.Abs(Mean - other.Mean) > 2 * error;
    }

    /// <inheritdoc cref="Format(int)"/>
    public override string ToString() => Format();
}
