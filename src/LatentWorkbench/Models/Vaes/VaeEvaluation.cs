using LatentWorkbench.Compute;
using TorchSharp;

namespace LatentWorkbench.Models.Vaes;

/// <summary>The negative ELBO per example on held-out data, as pytorch/examples reports it.</summary>
public static class VaeEvaluation
{
    /// <summary>Mean of BCE(sum) + KL(sum) per example over <paramref name="data"/>, in sequential batches, without gradients.</summary>
    /// <param name="model">The trained VAE (put in eval mode here).</param>
    /// <param name="data">Examples [N, input] on the model's device.</param>
    /// <param name="batchSize">Examples per forward pass (the result does not depend on it beyond float rounding).</param>
    /// <param name="noiseSeed">With a seed, z is sampled from q(z|x) after <c>torch.manual_seed(noiseSeed)</c> (the example's test pass);
    /// with null, z = μ (the decoder sees the posterior mean).</param>
    /// <returns>(total, reconstruction, KL) per example.</returns>
    public static (double Loss, double Reconstruction, double Kl) NegativeElbo(IVariationalAutoencoder model, torch.Tensor data, int batchSize, long? noiseSeed)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        model.Module.eval();
        if (noiseSeed is { } seed)
        {
            torch.manual_seed(seed);
        }

        long n = data.shape[0];
        double reconstruction = 0, kl = 0;
        Batches.ForEach(n, batchSize, (start, count) =>
        {
            var x = data.narrow(0, start, count);
            var posterior = model.Encode(x);
            var z = noiseSeed is null ? posterior.Mean : posterior.Sample();
            var logits = model.DecodeLogits(z);
            reconstruction += VaeLoss.ReconstructionSum(logits, x.view(x.shape[0], -1)).item<float>();
            kl += VaeLoss.KlSum(posterior).item<float>();
        });

        return ((reconstruction + kl) / n, reconstruction / n, kl / n);
    }
}
