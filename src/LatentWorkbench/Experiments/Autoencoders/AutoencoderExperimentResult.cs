using LatentWorkbench.Compute;
using LatentWorkbench.Data;
using LatentWorkbench.Metrics;
using LatentWorkbench.Models.Autoencoders;
using LatentWorkbench.Reduction;
using LatentWorkbench.Reduction.Pca;
using LatentWorkbench.Training;
using TorchSharp;

namespace LatentWorkbench.Experiments.Autoencoders;

/// <summary>A trained autoencoder, how it did on the test digits, and its code space.</summary>
/// <param name="Model">The trained model, in eval mode, on the run's device.</param>
/// <param name="Options">The options it was trained with.</param>
/// <param name="Epochs">Per-epoch reports (from the run store when the run came from the cache).</param>
/// <param name="TestSquaredError">Squared error per test image, (1/N) Σₙ Σⱼ (xₙⱼ − x̂ₙⱼ)², pixels in [0, 1] (Hinton &amp; Salakhutdinov's measure).</param>
/// <param name="Device">The device it ran on (<c>cpu</c>, <c>cuda</c>).</param>
/// <param name="RunId">The run-store id of the training run, or null when no store was used.</param>
/// <param name="FromCache">Whether the weights came from an earlier run with the same configuration.</param>
public sealed record AutoencoderExperimentResult(
    IAutoencoder Model,
    AutoencoderExperimentOptions Options,
    IReadOnlyList<EpochReport> Epochs,
    double TestSquaredError,
    string Device,
    long? RunId,
    bool FromCache)
{
    private const int Batch = 500;

    /// <summary>Wall-clock seconds training took (the sum of its epochs; for a cached run, when it was trained).</summary>
    public double TrainingSeconds => Epochs.Sum(e => e.Seconds);

    /// <summary>The codes of <paramref name="images"/> ([N, 784], any device): [N, k] on the model's device, in batches without gradients.</summary>
    public torch.Tensor Encode(torch.Tensor images) => Batched(images, Model.Encode);

    /// <summary>The codes of every digit of <paramref name="split"/> as a float32 CPU tensor [N, k] (what reducers, k-NN and charts read in place).</summary>
    public torch.Tensor Encode(MnistSplit split)
    {
        ArgumentNullException.ThrowIfNull(split);
        using var view = split.Images.alias();
        var codes = Encode(view);
        if (codes.device_type == DeviceType.CPU)
        {
            return codes;
        }

        using (codes)
        {
            return codes.cpu();
        }
    }

    /// <summary>
    /// The principal angles in degrees, smallest first, between the subspace a linear model's decoder columns span
    /// and the top-k components of <paramref name="pca"/> (k the model's code size): all near 0 when the linear
    /// autoencoder has found PCA's subspace (Baldi &amp; Hornik 1989).
    /// </summary>
    /// <exception cref="InvalidOperationException">The model is not a <see cref="LinearAutoencoder"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="pca"/> has fewer than k components or another input size.</exception>
    public IReadOnlyList<double> PrincipalAnglesInDegrees(PcaModel pca)
    {
        ArgumentNullException.ThrowIfNull(pca);
        if (Model is not LinearAutoencoder linear)
        {
            throw new InvalidOperationException($"Principal angles to PCA are defined for the linear autoencoder; this run is a {Options.Label}.");
        }

        if (pca.ComponentCount < linear.CodeSize)
        {
            throw new ArgumentException($"The PCA model has {pca.ComponentCount} components; the {Options.Label} needs at least {linear.CodeSize}.", nameof(pca));
        }

        using var basis = linear.DecoderWeight.detach().t();
        using var components = pca.Truncate(linear.CodeSize).Components();
        return [.. PrincipalAngles.Between(basis, components).Select(a => a * 180 / Math.PI)];
    }

    /// <summary>The reconstructions of <paramref name="images"/> ([N, 784]): [N, 784] on the model's device.</summary>
    public torch.Tensor Reconstruct(torch.Tensor images) => Batched(images, Model.Reconstruct);

    private torch.Tensor Batched(torch.Tensor images, Func<torch.Tensor, torch.Tensor> map)
    {
        ArgumentNullException.ThrowIfNull(images);
        var device = Model.Module.parameters().First().device;
        Model.Module.eval();
        long n = images.shape[0];
        if (n == 0)
        {
            throw new ArgumentException("images holds no examples: expected [N, 784] with N ≥ 1.", nameof(images));
        }

        return Batches.Concat(n, Batch, (start, count) => map(images.narrow(0, start, count).to(device).reshape(-1, Model.InputSize)));
    }
}
