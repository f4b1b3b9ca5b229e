using System.Diagnostics;
using LatentWorkbench.Compute;
using TorchSharp;

namespace LatentWorkbench.Reduction.Pca;

/// <summary>
/// Principal component analysis: the K orthonormal directions of largest variance of N×D data.
/// </summary>
/// <remarks>
/// With μ the column mean and Xc = X − 1μᵀ, the covariance is C = XcᵀXc / (N − 1) (D×D). Its
/// eigenvectors v₁..v_K (largest eigenvalues λ₁ ≥ … ≥ λ_K) are the components; λₖ is the explained variance,
/// λₖ / tr(C) its ratio, and √((N − 1)λₖ) the singular value of Xc. Signs follow scikit-learn: the entry of
/// largest magnitude of each component is positive. Pearson (1901); Halko, Martinsson &amp; Tropp,
/// "Finding structure with randomness", SIAM Review 53 (2011) for <see cref="PcaSolver.Randomized"/>.
/// </remarks>
public sealed class PcaReducer(PcaOptions options) : IReducer<PcaModel>
{
    /// <summary>The options this reducer was built with.</summary>
    public PcaOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>Fits the components to <paramref name="data"/> (N×D, N ≥ 2).</summary>
    /// <exception cref="ArgumentException">Data empty, non-finite or too small, or options out of range (the message names the option).</exception>
    public PcaModel Fit(torch.Tensor data)
    {
        using var host = TensorSpans.OnHost(data, nameof(data));
        return Fit(Matrix.View(host, nameof(data)));
    }

    /// <inheritdoc cref="Fit(torch.Tensor)"/>
    internal PcaModel Fit(Matrix data)
    {
        InputValidation.RequireFiniteMatrix(data, nameof(data), minRows: 2);
        int n = data.Rows, d = data.Cols, maxComponents = Math.Min(n, d);
        ValidateOptions(maxComponents);

        var stopwatch = Stopwatch.StartNew();
        double[] mean = PcaMath.ColumnMeans(data);
        PcaSpectrum spectrum;
        double totalVariance;
        int components;
        if (Options.Solver == PcaSolver.Exact)
        {
            double[] covariance = PcaMath.Covariance(data, mean);
            totalVariance = PcaMath.Trace(covariance, d);
            var full = PcaMath.ExactSpectrum(covariance, n, d);
            components = Options.VarianceToKeep is double fraction
                ? PcaMath.ComponentsForVariance(full.Variances, totalVariance, fraction)
                : Options.Components ?? maxComponents;
            spectrum = full.Take(components);
        }
        else
        {
            components = Options.Components ?? maxComponents;
            int powerIterations = Options.PowerIterations ?? (components < 0.1 * maxComponents ? 7 : 4);
            int samples = Math.Min(components + Options.Oversamples, maxComponents);
            (spectrum, totalVariance) = RandomizedSvd.Fit(data, mean, components, samples, powerIterations, Options.Seed, RandomizedPath);
        }

        PcaMath.FlipSigns(spectrum.Vectors, components, d);
        var ratio = new double[components];
        var singular = new double[components];
        for (int k = 0; k < components; k++)
        {
            ratio[k] = spectrum.Variances[k] / totalVariance;
            singular[k] = Math.Sqrt(Math.Max(spectrum.Variances[k], 0) * (n - 1));
        }

        return new PcaModel(mean, spectrum.Vectors, spectrum.Variances, ratio, singular, totalVariance, Options.Whiten, stopwatch.Elapsed);
    }

    /// <summary>Tests force one operator of the randomized solver; null chooses by flop count.</summary>
    internal RandomizedOperator? RandomizedPath { get; init; }

    private void ValidateOptions(int maxComponents)
    {
        if (Options.Components is not null && Options.VarianceToKeep is not null)
        {
            throw new ArgumentException("Give either Components or VarianceToKeep, not both.", nameof(Options));
        }

        if (Options.Components is int k && (k < 1 || k > maxComponents))
        {
            throw new ArgumentOutOfRangeException(
                nameof(PcaOptions.Components), k, $"Components must be between 1 and min(rows, features) = {maxComponents}.");
        }

        if (Options.VarianceToKeep is double f)
        {
            if (!(f > 0 && f < 1))
            {
                throw new ArgumentOutOfRangeException(nameof(PcaOptions.VarianceToKeep), f, "VarianceToKeep must be a fraction in (0, 1).");
            }

            if (Options.Solver != PcaSolver.Exact)
            {
                throw new ArgumentException("VarianceToKeep needs the whole spectrum: use Solver = PcaSolver.Exact.", nameof(PcaOptions.VarianceToKeep));
            }
        }

        if (Options.Oversamples < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(PcaOptions.Oversamples), Options.Oversamples, "Oversamples must be ≥ 0.");
        }

        if (Options.PowerIterations is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(PcaOptions.PowerIterations), Options.PowerIterations, "PowerIterations must be ≥ 0.");
        }

        if (!Enum.IsDefined(Options.Solver))
        {
            throw new ArgumentOutOfRangeException(nameof(PcaOptions.Solver), Options.Solver, "Solver must be Exact or Randomized.");
        }
    }
}
