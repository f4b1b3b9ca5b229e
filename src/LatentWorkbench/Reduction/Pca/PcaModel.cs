using System.Collections.ObjectModel;
using LatentWorkbench.Compute;
using LatentWorkbench.Kernels;
using TorchSharp;

namespace LatentWorkbench.Reduction.Pca;

/// <summary>A fitted PCA: mean, components and their variances; projects with <see cref="Transform(TorchSharp.torch.Tensor)"/>.</summary>
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

    /// <summary>Whether <see cref="Transform(TorchSharp.torch.Tensor)"/> scales each coordinate to unit variance.</summary>
    public bool Whiten { get; }

    /// <summary>Wall time of the fit.</summary>
    public TimeSpan FitTime { get; }

    /// <summary>Component <paramref name="index"/> as a new float32 tensor [D] (a unit vector; a copy: the model stays read-only).</summary>
    public torch.Tensor Component(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, ComponentCount);
        return new Matrix(_components[(index * Features)..((index + 1) * Features)], 1, Features).ToTensor().reshape(Features);
    }

    /// <summary>All components as a new float32 tensor [K, D] (a copy: the model stays read-only).</summary>
    public torch.Tensor Components() => ComponentMatrix().ToTensor();

    /// <summary>The components as a matrix our kernels read (a copy).</summary>
    internal Matrix ComponentMatrix() => new((float[])_components.Clone(), ComponentCount, Features);

    /// <summary>Projects <paramref name="data"/> (float32 [M, D], any device; read in place when contiguous on the CPU) to a new CPU tensor [M, K].</summary>
    public torch.Tensor Transform(torch.Tensor data)
    {
        using var host = TensorSpans.OnHost(data, nameof(data));
        return Transform(Matrix.View(host, nameof(data))).ToTensor();
    }

    /// <inheritdoc cref="Transform(torch.Tensor)"/>
    internal Matrix Transform(Matrix data)
    {
        InputValidation.RequireFiniteMatrix(data, nameof(data));
        InputValidation.RequireColumns(data, Features, nameof(data));
        int m = data.Rows, d = Features, k = ComponentCount;
        var centered = new float[data.Values.Length];
        for (int i = 0; i < m; i++)
        {
            System.Numerics.Tensors.TensorPrimitives.Subtract(data.Values.Slice(i * d, d), _mean, centered.AsSpan(i * d, d));
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

    /// <summary>Maps projected points (float32 [M, K]) back to the input space: a new CPU tensor [M, D].</summary>
    public torch.Tensor InverseTransform(torch.Tensor projected)
    {
        using var host = TensorSpans.OnHost(projected, nameof(projected));
        return InverseTransform(Matrix.View(host, nameof(projected))).ToTensor();
    }

    /// <inheritdoc cref="InverseTransform(torch.Tensor)"/>
    internal Matrix InverseTransform(Matrix projected)
    {
        InputValidation.RequireFiniteMatrix(projected, nameof(projected));
        InputValidation.RequireColumns(projected, ComponentCount, nameof(projected));
        int m = projected.Rows, d = Features, k = ComponentCount;
        ReadOnlySpan<float> z = projected.Values;
        if (Whiten)
        {
            var scaled = new float[z.Length];
            for (int i = 0; i < m; i++)
            {
                System.Numerics.Tensors.TensorPrimitives.Multiply(z.Slice(i * k, k), _scale, scaled.AsSpan(i * k, k));
            }

            z = scaled;
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
