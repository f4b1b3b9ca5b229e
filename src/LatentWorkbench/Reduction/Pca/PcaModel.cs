using System.Collections.ObjectModel;
using LatentWorkbench.Kernels;

namespace LatentWorkbench.Reduction.Pca;

/// <summary>A fitted PCA: mean, components and their variances; projects with <see cref="Transform"/>.</summary>
/// <remarks>
/// Transform: Z = (X − 1μᵀ)·Vᵀ, shapes [M, D] → [M, K] (V is K×D, rows are components); with whitening each
/// column of Z is divided by √λₖ. InverseTransform: X̂ = Z·V + 1μᵀ (whitened Z first multiplied by √λₖ).
/// </remarks>
public sealed partial class PcaModel : IProjection
{
    private readonly float[] _mean;
    private readonly float[] _components;
    private readonly float[] _scale;

    internal PcaModel(double[] mean, float[] components, double[] variances, double[] ratios, double[] singularValues, double totalVariance, bool whiten, TimeSpan fitTime)
    {
        TotalVariance = totalVariance;
        Features = mean.Length;
        ComponentCount = variances.Length;
        Mean = Array.AsReadOnly(mean);
        _mean = Array.ConvertAll(mean, m => (float)m);
        _components = components;
        ExplainedVariance = Array.AsReadOnly(variances);
        ExplainedVarianceRatio = Array.AsReadOnly(ratios);
        SingularValues = Array.AsReadOnly(singularValues);
        Whiten = whiten;
        FitTime = fitTime;
        _scale = Array.ConvertAll(variances, v => whiten ? (float)Math.Sqrt(Math.Max(v, double.Epsilon)) : 1f);
    }

    /// <summary>D, the number of input features.</summary>
    public int Features { get; }

    /// <summary>K, the number of components kept.</summary>
    public int ComponentCount { get; }

    /// <summary>Column means μ (length D).</summary>
    public ReadOnlyCollection<double> Mean { get; }

    /// <summary>λₖ: the variance along each component (length K, descending).</summary>
    public ReadOnlyCollection<double> ExplainedVariance { get; }

    /// <summary>λₖ / tr(C): the fraction of total variance along each component.</summary>
    public ReadOnlyCollection<double> ExplainedVarianceRatio { get; }

    /// <summary>σₖ = √((N − 1)λₖ): the singular values of the centred data.</summary>
    public ReadOnlyCollection<double> SingularValues { get; }

    /// <summary>Whether <see cref="Transform"/> scales each coordinate to unit variance.</summary>
    public bool Whiten { get; }

    /// <summary>Wall time of the fit.</summary>
    public TimeSpan FitTime { get; }

    /// <summary>Component <paramref name="index"/> (a unit vector of length D), without copying.</summary>
    public ReadOnlySpan<float> Component(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, ComponentCount);
        return _components.AsSpan(index * Features, Features);
    }

    /// <summary>All components as a new K×D matrix (a copy: the model stays read-only).</summary>
    public Matrix Components() => new((float[])_components.Clone(), ComponentCount, Features);

    /// <summary>Projects <paramref name="data"/> (M×D) to M×K.</summary>
    public Matrix Transform(Matrix data)
    {
        InputValidation.RequireFiniteMatrix(data, nameof(data));
        InputValidation.RequireColumns(data, Features, nameof(data));
        int m = data.Rows, d = Features, k = ComponentCount;
        var centered = new float[data.Data.Length];
        for (int i = 0; i < m; i++)
        {
            System.Numerics.Tensors.TensorPrimitives.Subtract(data.Data.AsSpan(i * d, d), _mean, centered.AsSpan(i * d, d));
        }

        var result = new float[m * k];
        Gemm.Sgemm(false, true, m, k, d, 1f, centered, d, _components, d, 0f, result, k);
        if (Whiten)
        {
            for (int i = 0; i < m; i++)
            {
                System.Numerics.Tensors.TensorPrimitives.Divide(result.AsSpan(i * k, k), _scale, result.AsSpan(i * k, k));
            }
        }

        return new Matrix(result, m, k);
    }

    /// <summary>Maps projected points (M×K) back to the input space (M×D).</summary>
    public Matrix InverseTransform(Matrix projected)
    {
        InputValidation.RequireFiniteMatrix(projected, nameof(projected));
        InputValidation.RequireColumns(projected, ComponentCount, nameof(projected));
        int m = projected.Rows, d = Features, k = ComponentCount;
        var z = projected.Data;
        if (Whiten)
        {
            z = new float[z.Length];
            for (int i = 0; i < m; i++)
            {
                System.Numerics.Tensors.TensorPrimitives.Multiply(projected.Data.AsSpan(i * k, k), _scale, z.AsSpan(i * k, k));
            }
        }

        var result = new float[m * d];
        for (int i = 0; i < m; i++)
        {
            _mean.CopyTo(result.AsSpan(i * d, d));
        }

        Gemm.Sgemm(false, false, m, d, k, 1f, z, k, _components, d, 1f, result, d);
        return new Matrix(result, m, d);
    }
}
