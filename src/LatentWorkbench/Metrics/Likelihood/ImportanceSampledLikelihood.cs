using LatentWorkbench.Compute;
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
        options ??= new ImportanceSamplingOptions();
        options.Validate();
        return EstimateCurve(model, data, [options.Samples], options, logLikelihood, progress)[0];
    }

    /// <summary>
    /// The estimate at each k of <paramref name="sampleCounts"/> from one pass of <c>max(k)</c> draws per example:
    /// the estimate at k uses the first k of them, so the estimates are nested (the gap to the ELBO as k grows).
    /// </summary>
    /// <param name="model">The VAE: its encoder gives q(z|x).</param>
    /// <param name="data">Examples [N, input] on the model's device.</param>
    /// <param name="sampleCounts">The k to report, each ≥ 1, strictly increasing (e.g. 1, 10, 100, 1000, 5000).</param>
    /// <param name="options">Chunk sizes and seed (its <see cref="ImportanceSamplingOptions.Samples"/> is ignored); null: the defaults.</param>
    /// <param name="logLikelihood">log p(x|z) of the decoder; null: Bernoulli from the model's logits.</param>
    /// <param name="progress">Receives the number of examples done after each example batch.</param>
    /// <returns>One estimate per k, in the order given (per-example values as float64 CPU tensors [N]); the ELBO split of each is over its own first k draws.</returns>
    /// <remarks>
    /// Costs what <see cref="Estimate"/> with k = max costs. With k = 1 the estimate is a one-sample ELBO; it is a
    /// lower bound on log p(x) in expectation for every k and tends to it as k → ∞ (Burda et al. 2016, Theorem 1).
    /// </remarks>
    /// <exception cref="ArgumentException">No k, a k below 1, or k that do not increase.</exception>
    public static IReadOnlyList<LikelihoodEstimate> EstimateCurve(
        IVariationalAutoencoder model,
        torch.Tensor data,
        IReadOnlyList<int> sampleCounts,
        ImportanceSamplingOptions? options = null,
        DecoderLogLikelihood? logLikelihood = null,
        IProgress<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(sampleCounts);
        if (sampleCounts.Count == 0 || sampleCounts[0] < 1 || sampleCounts.Zip(sampleCounts.Skip(1)).Any(p => p.Second <= p.First))
        {
            throw new ArgumentException($"sampleCounts must be at least one k ≥ 1, strictly increasing; got [{string.Join(", ", sampleCounts)}].", nameof(sampleCounts));
        }

        options ??= new ImportanceSamplingOptions();
        options = options with { Samples = sampleCounts[^1] };
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
        var logP = sampleCounts.Select(_ => new double[n]).ToArray();
        var reconstruction = sampleCounts.Select(_ => new double[n]).ToArray();
        var kl = new double[n];
        Batches.ForEach(n, options.ExampleBatch, (start, count) =>
        {
            var x = data.narrow(0, start, count).reshape(count, -1);
            var (checkpoints, klBatch) = Batch(model, x, sampleCounts, options, logLikelihood, generator);
            klBatch.cpu().data<double>().ToArray().CopyTo(kl, start);
            for (int c = 0; c < sampleCounts.Count; c++)
            {
                int k = sampleCounts[c];
                var estimate = (checkpoints[c].LogSumExp - Math.Log(k)).cpu().data<double>().ToArray();
                var meanLogLikelihood = (checkpoints[c].SumLogLikelihood / k).cpu().data<double>().ToArray();
                for (int i = 0; i < count; i++)
                {
                    logP[c][start + i] = estimate[i];
                    reconstruction[c][start + i] = -meanLogLikelihood[i];
                }
            }

            progress?.Report(start + count);
        });

        return sampleCounts.Select((k, c) =>
        {
            var elbo = reconstruction[c].Zip(kl, (r, d) => -r - d).ToArray();
            return new LikelihoodEstimate(Vector(logP[c]), Vector(elbo), Vector(reconstruction[c]), Vector(kl), k);
        }).ToList();
    }

    // A float64 CPU tensor [N] of its own (a copy, so estimates that share the KL never share storage).
    private static torch.Tensor Vector(double[] values) => torch.tensor((double[])values.Clone(), dtype: torch.float64);

    // One example batch: at each k of sampleCounts, logsumexp over the first k log wᵢ [B] and Σ of their log p(x|zᵢ) [B];
    // and the closed-form KL [B]; all float64. Chunks end at every k, so each k sees exactly its first k draws.
    private static (List<(torch.Tensor LogSumExp, torch.Tensor SumLogLikelihood)> Checkpoints, torch.Tensor Kl) Batch(
        IVariationalAutoencoder model, torch.Tensor x, IReadOnlyList<int> sampleCounts, ImportanceSamplingOptions options, DecoderLogLikelihood logLikelihood, torch.Generator generator)
    {
        var posterior = model.Encode(x);
        var mean = posterior.Mean;
        var std = (0.5 * posterior.LogVariance).exp();
        long batch = mean.shape[0], latent = mean.shape[1];
        var running = torch.full([batch], double.NegativeInfinity, dtype: torch.float64, device: x.device);
        var sumLogLikelihood = torch.zeros([batch], dtype: torch.float64, device: x.device);
        var checkpoints = new List<(torch.Tensor, torch.Tensor)>(sampleCounts.Count);
        int next = 0;
        for (int done = 0; done < options.Samples;)
        {
            // The previous chunk's scope is closed: free its native scalars before this chunk's buffers (NativeScalars).
            NativeScalars.Release();
            using var chunkScope = torch.NewDisposeScope();
            int s = Math.Min(options.SampleBatch, sampleCounts[next] - done);
            var epsilon = torch.randn([s, batch, latent], dtype: mean.dtype, device: mean.device, generator: generator);
            var z = mean + (epsilon * std);
            var repeated = x.unsqueeze(0).expand(s, batch, x.shape[1]).reshape(s * batch, x.shape[1]);
            var logPxGivenZ = logLikelihood(z.reshape(s * batch, latent), repeated).reshape(s, batch).to_type(torch.float64);
            var logRatio = (LogDensities.StandardNormal(z) - LogDensities.DiagonalGaussianAtNoise(epsilon, posterior.LogVariance)).to_type(torch.float64);
            var chunk = (logPxGivenZ + logRatio).logsumexp(dim: 0);
            running = torch.stack([running, chunk]).logsumexp(dim: 0).MoveToOuterDisposeScope();
            sumLogLikelihood = (sumLogLikelihood + logPxGivenZ.sum(dim: 0)).MoveToOuterDisposeScope();
            done += s;
            if (done == sampleCounts[next])
            {
                checkpoints.Add((running, sumLogLikelihood));
                next++;
            }
        }

        var kl = posterior.KlPerDimension().sum(-1).to_type(torch.float64);
        return (checkpoints, kl);
    }
}
