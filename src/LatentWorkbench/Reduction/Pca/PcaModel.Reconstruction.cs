using LatentWorkbench.Compute;
using TorchSharp;

namespace LatentWorkbench.Reduction.Pca;

/// <summary>Reconstruction, truncation and the explained-variance curve of a fitted PCA.</summary>
public sealed partial class PcaModel
{
    /// <summary>tr(C): the total variance of the training data over all D features (not only the K kept).</summary>
    public double TotalVariance { get; }

    /// <summary>Σⱼ≤ₖ λⱼ / tr(C) for k = 1..K: the fraction of total variance the first k components keep.</summary>
    /// <remarks>A new list each call (length K, non-decreasing, at most 1); summed in float64 in component order.</remarks>
    public IReadOnlyList<double> CumulativeExplainedVarianceRatio
    {
        get
        {
            var cumulative = new double[ComponentCount];
            double running = 0;
            for (int k = 0; k < ComponentCount; k++)
            {
                running += ExplainedVarianceRatio[k];
                cumulative[k] = running;
            }

            return cumulative;
        }
    }

    /// <summary>The fewest components whose explained-variance ratios sum to more than <paramref name="fraction"/>
    /// (K when even all K do not reach it): scikit-learn's rule for <c>n_components=0.9</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="fraction"/> is not in (0, 1).</exception>
    public int ComponentsForVariance(double fraction)
    {
        if (!(fraction > 0 && fraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "fraction must be in (0, 1), e.g. 0.9 for 90 % of the variance.");
        }

        return PcaMath.ComponentsForVariance([.. ExplainedVariance], TotalVariance, fraction);
    }

    /// <summary>A model that keeps only the first <paramref name="components"/> components: the same mean,
    /// components, variances and ratios, so it equals a fresh exact fit with <c>Components = k</c> without refitting.</summary>
    /// <remarks>This model is not changed; the new one copies the first k·D component values.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="components"/> is not in 1..<see cref="ComponentCount"/>.</exception>
    public PcaModel Truncate(int components)
    {
        if (components < 1 || components > ComponentCount)
        {
            throw new ArgumentOutOfRangeException(nameof(components), components, $"components must be between 1 and the {ComponentCount} components this model has.");
        }

        return new PcaModel(
            [.. Mean],
            _components[..(components * Features)],
            [.. ExplainedVariance.Take(components)],
            [.. ExplainedVarianceRatio.Take(components)],
            [.. SingularValues.Take(components)],
            TotalVariance,
            Whiten,
            FitTime);
    }

    /// <summary>X̂ = InverseTransform(Transform(X)): each row of <paramref name="data"/> (float32 [M, D]) rebuilt from its K coordinates, as a new CPU tensor [M, D].</summary>
    public torch.Tensor Reconstruct(torch.Tensor data)
    {
        using var host = TensorSpans.OnHost(data, nameof(data));
        return Reconstruct(Matrix.View(host, nameof(data))).ToTensor();
    }

    /// <inheritdoc cref="Reconstruct(torch.Tensor)"/>
    internal Matrix Reconstruct(Matrix data) => InverseTransform(Transform(data));

    /// <summary>Mean squared error per feature of the reconstruction: Σᵢⱼ (xᵢⱼ − x̂ᵢⱼ)² / (M·D).</summary>
    /// <remarks>Accumulated in float64. Multiply by D for the squared error per image (<see cref="ReconstructionErrorPerImage(TorchSharp.torch.Tensor)"/>).</remarks>
    public double ReconstructionError(torch.Tensor data) => ReconstructionErrorPerImage(data) / Features;

    /// <inheritdoc cref="ReconstructionError(torch.Tensor)"/>
    internal double ReconstructionError(Matrix data) => ReconstructionErrorPerImage(data) / Features;

    /// <summary>Mean squared error per row (image) of the reconstruction: Σᵢⱼ (xᵢⱼ − x̂ᵢⱼ)² / M.</summary>
    /// <remarks>Rows are rebuilt in blocks of 1,024 to bound memory; every sum is float64 in row order, so the
    /// value does not depend on the block size.</remarks>
    public double ReconstructionErrorPerImage(torch.Tensor data)
    {
        using var host = TensorSpans.OnHost(data, nameof(data));
        return ReconstructionErrorPerImage(Matrix.View(host, nameof(data)));
    }

    /// <inheritdoc cref="ReconstructionErrorPerImage(torch.Tensor)"/>
    internal double ReconstructionErrorPerImage(Matrix data)
    {
        InputValidation.RequireFiniteMatrix(data, nameof(data));
        InputValidation.RequireColumns(data, Features, nameof(data));
        const int block = 1024;
        double total = 0;
        for (int start = 0; start < data.Rows; start += block)
        {
            int rows = Math.Min(block, data.Rows - start);
            var chunk = new Matrix(data.Values[(start * Features)..((start + rows) * Features)].ToArray(), rows, Features);
            var rebuilt = Reconstruct(chunk).Data;
            for (int i = 0; i < rebuilt.Length; i++)
            {
                double difference = (double)chunk.Data[i] - rebuilt[i];
                total += difference * difference;
            }
        }

        return total / data.Rows;
    }

    /// <summary>The training reconstruction error with the first <paramref name="components"/> components, from the
    /// spectrum alone: (tr(C) − Σⱼ≤ₖ λⱼ) / D, the variance left out, per feature.</summary>
    /// <remarks>C is normalised by N − 1, so this is N/(N − 1) times the measured mean squared error on the training
    /// data (a factor 1.00002 for 60,000 images). Needs no data, so an error curve over k costs nothing.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="components"/> is not in 0..<see cref="ComponentCount"/>.</exception>
    public double TrainingError(int components)
    {
        if (components < 0 || components > ComponentCount)
        {
            throw new ArgumentOutOfRangeException(nameof(components), components, $"components must be between 0 and the {ComponentCount} components this model has.");
        }

        double kept = 0;
        for (int k = 0; k < components; k++)
        {
            kept += ExplainedVariance[k];
        }

        return Math.Max(TotalVariance - kept, 0) / Features;
    }
}
