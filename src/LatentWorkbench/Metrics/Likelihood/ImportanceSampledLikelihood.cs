using LatentWorkbench.Models.Vaes;
using TorchSharp;

namespace LatentWorkbench.Metrics.Likelihood;

/// <summary>
/// The importance-sampled estimate of log p(x) for any <see cref="IVariationalAutoencoder"/>, with q(z|x) as the
/// proposal (Burda, Grosse &amp; Salakhutdinov 2016, §5; Rezende et al. 2014, App. E).
/// </summary>
/// <remarks>
/// log p(x) ≈ logsumexp_{i=1..k} [log p(x|zᵢ) + log p(zᵢ) − log q(zᵢ|x)] − log k, zᵢ ~ q(z|x), p(z) = N(0, I).
/// The estimate is consistent (→ log p(x) as k → ∞) and a lower bound in expectation (it is L_k of the IWAE); with the
/// exact posterior as q every weight equals p(x), so it is exact for every k. Samples are drawn in chunks of
/// <see cref="ImportanceSamplingOptions.SampleBatch"/> and merged with a running log-sum-exp in float64, so memory
/// stays at one chunk whatever k is. Runs in eval mode without gradients.
/// </remarks>
public static class ImportanceSampledLikelihood
{
    /// <summary>Estimates log p(xₙ) for every row of <paramref name="data"/> and the ELBO split.</summary>
    /// <param name="model">The VAE: its encoder gives q(z|x).</param>
    /// <param name="data">Examples [N, input] on the model's device.</param>
    /// <param name="options">k, chunk sizes, seed; null: the defaults.</param>
    /// <param name="logLikelihood">log p(x|z) of the decoder; null: Bernoulli from the model's logits.</param>
    /// <param name="progress">Receives the number of examples done after each example batch.</param>
    public static LikelihoodEstimate Estimate(
        IVariationalAutoencoder model,
        torch.Tensor data,
        ImportanceSamplingOptions? options = null,
        DecoderLogLikelihood? logLikelihood = null,
        IProgress<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        options ??= new ImportanceSamplingOptions();
        options.Validate();
        logLikelihood ??= DecoderLogLikelihoods.Bernoulli(model);
        long n = data.shape[0];
        if (n == 0)
        {
            throw new ArgumentException("The data has no examples.", nameof(data));
        }

        model.Module.eval();
        using var noGrad = torch.no_grad();
        using var generator = new torch.Generator((ulong)options.Seed, data.device);
        var logP = new double[n];
        var reconstruction = new double[n];
        var kl = new double[n];
        for (long start = 0; start < n; start += options.ExampleBatch)
        {
            using var scope = torch.NewDisposeScope();
            long count = Math.Min(options.ExampleBatch, n - start);
            var x = data.narrow(0, start, count).reshape(count, -1);
            var (logSumExp, sumLogLikelihood, klBatch) = Batch(model, x, options, logLikelihood, generator);
            var estimate = (logSumExp - Math.Log(options.Samples)).cpu().data<double>().ToArray();
            var meanLogLikelihood = (sumLogLikelihood / options.Samples).cpu().data<double>().ToArray();
            var klValues = klBatch.cpu().data<double>().ToArray();
            for (int i = 0; i < count; i++)
            {
                logP[start + i] = estimate[i];
                reconstruction[start + i] = -meanLogLikelihood[i];
                kl[start + i] = klValues[i];
            }

            progress?.Report(start + count);
        }

        var elbo = reconstruction.Zip(kl, (r, k) => -r - k).ToArray();
        return new LikelihoodEstimate(logP, elbo, reconstruction, kl, options.Samples);
    }

    // One example batch: returns logsumexp_i log wᵢ [B], Σᵢ log p(x|zᵢ) [B] and the closed-form KL [B], all float64.
    private static (torch.Tensor LogSumExp, torch.Tensor SumLogLikelihood, torch.Tensor Kl) Batch(
        IVariationalAutoencoder model, torch.Tensor x, ImportanceSamplingOptions options, DecoderLogLikelihood logLikelihood, torch.Generator generator)
    {
        var posterior = model.Encode(x);
        var mean = posterior.Mean;
        var std = (0.5 * posterior.LogVariance).exp();
        long batch = mean.shape[0], latent = mean.shape[1];
        var running = torch.full([batch], double.NegativeInfinity, dtype: torch.float64, device: x.device);
        var sumLogLikelihood = torch.zeros([batch], dtype: torch.float64, device: x.device);
        for (int done = 0; done < options.Samples; done += options.SampleBatch)
        {
            using var chunkScope = torch.NewDisposeScope();
            int s = Math.Min(options.SampleBatch, options.Samples - done);
            var epsilon = torch.randn([s, batch, latent], dtype: mean.dtype, device: mean.device, generator: generator);
            var z = mean + (epsilon * std);
            var repeated = x.unsqueeze(0).expand(s, batch, x.shape[1]).reshape(s * batch, x.shape[1]);
            var logPxGivenZ = logLikelihood(z.reshape(s * batch, latent), repeated).reshape(s, batch).to_type(torch.float64);
            var logRatio = (LogDensities.StandardNormal(z) - LogDensities.DiagonalGaussianAtNoise(epsilon, posterior.LogVariance)).to_type(torch.float64);
            var chunk = (logPxGivenZ + logRatio).logsumexp(dim: 0);
            running = torch.stack([running, chunk]).logsumexp(dim: 0).MoveToOuterDisposeScope();
            sumLogLikelihood = (sumLogLikelihood + logPxGivenZ.sum(dim: 0)).MoveToOuterDisposeScope();
        }

        var kl = posterior.KlPerDimension().sum(-1).to_type(torch.float64);
        return (running, sumLogLikelihood, kl);
    }
}
