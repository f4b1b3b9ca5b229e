using LatentWorkbench.Compute;
using LatentWorkbench.Reduction.Pca;
using TorchSharp;

namespace LatentWorkbench.Experiments.Autoencoders;

/// <summary>
/// Squared reconstruction errors per image for any reconstruction map (an autoencoder's, PCA's), so models of
/// different kinds are scored alike: the H&amp;S table, anomaly scores, denoising curves.
/// </summary>
public static class ReconstructionErrors
{
    /// <summary>Σⱼ (tₙⱼ − x̂ₙⱼ)² for each row n, with x̂ = <paramref name="reconstruct"/>(inputs) and t = <paramref name="targets"/> (default: the inputs).</summary>
    /// <param name="reconstruct">[B, D] → [B, D].</param>
    /// <param name="inputs">[N, D] what the model sees (clean or corrupted images).</param>
    /// <param name="targets">[N, D] what it should give back; null: <paramref name="inputs"/>.</param>
    /// <param name="batchSize">Rows per call of <paramref name="reconstruct"/>.</param>
    /// <returns>N errors, summed in float64: a float64 CPU tensor [N] (e.g. anomaly scores for <c>Auroc.Compute</c>).</returns>
    public static torch.Tensor PerImage(Func<torch.Tensor, torch.Tensor> reconstruct, torch.Tensor inputs, torch.Tensor? targets = null, int batchSize = 500)
    {
        var errors = PerImageValues(reconstruct, inputs, targets, batchSize);
        TorchRuntime.EnsureInitialized();
        return torch.tensor(errors, [errors.Length], dtype: torch.float64);
    }

    /// <inheritdoc cref="PerImage"/>
    internal static double[] PerImageValues(Func<torch.Tensor, torch.Tensor> reconstruct, torch.Tensor inputs, torch.Tensor? targets = null, int batchSize = 500)
    {
        ArgumentNullException.ThrowIfNull(reconstruct);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        targets ??= inputs;
        if (!inputs.shape.SequenceEqual(targets.shape))
        {
            throw new ArgumentException($"targets has shape [{string.Join(", ", targets.shape)}] but inputs [{string.Join(", ", inputs.shape)}]: expected the same.", nameof(targets));
        }

        long n = inputs.shape[0];
        var errors = new double[n];
        Batches.ForEach(n, batchSize, (start, count) =>
        {
            var rebuilt = reconstruct(inputs.narrow(0, start, count));
            var target = targets.narrow(0, start, count).to(rebuilt.device).reshape(rebuilt.shape);
            var perRow = (rebuilt.to(torch.float64) - target.to(torch.float64)).pow(2).reshape(count, -1).sum(dim: 1).cpu();
            perRow.data<double>().CopyTo(errors, (int)start);
        });

        return errors;
    }

    /// <summary>The mean of <see cref="PerImage"/>: the squared error per image of Hinton &amp; Salakhutdinov's table.</summary>
    public static double Mean(Func<torch.Tensor, torch.Tensor> reconstruct, torch.Tensor inputs, torch.Tensor? targets = null) =>
        PerImageValues(reconstruct, inputs, targets).Average();

    /// <summary>PCA's reconstruction as a map of tensors: x̂ = InverseTransform(Transform(x)) (one host copy each way).</summary>
    public static Func<torch.Tensor, torch.Tensor> Of(PcaModel pca)
    {
        ArgumentNullException.ThrowIfNull(pca);
        return x =>
        {
            using var rebuilt = pca.Reconstruct(x);
            return rebuilt.to(x.device, copy: true);
        };
    }
}
