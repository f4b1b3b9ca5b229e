using TorchSharp;

namespace LatentWorkbench.Models.Vaes;

/// <summary>The importance-weighted bound (Burda, Grosse &amp; Salakhutdinov 2016) and its reported terms.</summary>
/// <remarks>
/// With log weights log wₖ = log p(x|zₖ) + log p(zₖ) − log q(zₖ|x), zₖ ~ q(z|x), k = 1…K, the bound is
/// L_K = logsumexp_k log wₖ − log K ≤ log p(x); L_1 is the one-sample ELBO, and E[L_K] grows with K.
/// The loss is −Σ_b L_K. With the self-normalised weights w̃ₖ = softmax(log w)ₖ (no gradient) it splits exactly as
/// −L_K = Σₖ w̃ₖ(−log p(x|zₖ)) + Σₖ w̃ₖ(log q(zₖ|x) − log p(zₖ)) + (log K − H(w̃)):
/// <see cref="VaeLoss.Reconstruction"/>, <see cref="VaeLoss.Kl"/> (a weighted Monte-Carlo KL, which can be
/// negative for a batch) and <see cref="WeightDivergence"/> = KL(w̃ ‖ uniform) ∈ [0, log K] (0: equal weights;
/// log K: one sample carries all the weight).
/// </remarks>
public static class IwaeLoss
{
    /// <summary>Name of the KL(w̃ ‖ uniform) term in <see cref="ModelLoss.Terms"/>.</summary>
    public const string WeightDivergence = "weight_divergence";

    /// <summary>The log weights [K, B] of <paramref name="samples"/> draws per example of <paramref name="x"/> ([B, input]).</summary>
    /// <param name="vae">The model (its Bernoulli decoder).</param>
    /// <param name="x">Flattened examples [B, input].</param>
    /// <param name="samples">K ≥ 1.</param>
    /// <param name="generator">Noise source; null: torch's global generator (K = 1 then draws what the ELBO's sample draws).</param>
    /// <returns>(log w [K, B], log p(x|z) [K, B], log p(z) − log q(z|x) [K, B]).</returns>
    public static (torch.Tensor LogWeights, torch.Tensor LogLikelihood, torch.Tensor LogPriorOverPosterior) LogWeights(
        IVariationalAutoencoder vae, torch.Tensor x, int samples, torch.Generator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(vae);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(samples);
        var posterior = vae.Encode(x);
        long batch = posterior.Mean.shape[0], latent = posterior.Mean.shape[1];
        var epsilon = torch.randn([samples, batch, latent], dtype: posterior.Mean.dtype, device: posterior.Mean.device, generator: generator);
        var z = posterior.Mean + (epsilon * (0.5 * posterior.LogVariance).exp());
        var logits = vae.DecodeLogits(z.reshape(samples * batch, latent)).reshape(samples, batch, -1);
        var logLikelihood = LogDensities.Bernoulli(logits, x.reshape(batch, -1));
        var logRatio = LogDensities.StandardNormal(z) - LogDensities.DiagonalGaussianAtNoise(epsilon, posterior.LogVariance);
        return (logLikelihood + logRatio, logLikelihood, logRatio);
    }

    /// <summary>−Σ_b L_K over the batch with the three terms of the remarks.</summary>
    public static ModelLoss Bound(IVariationalAutoencoder vae, torch.Tensor x, int samples, torch.Generator? generator = null)
    {
        var (logWeights, logLikelihood, logRatio) = LogWeights(vae, x, samples, generator);
        var bound = logWeights.logsumexp(dim: 0) - Math.Log(samples);
        var total = -bound.sum();
        using var noGrad = torch.no_grad();
        var logNormalised = logWeights.detach().log_softmax(dim: 0);
        var normalised = logNormalised.exp();
        var reconstruction = -(normalised * logLikelihood.detach()).sum();
        var kl = -(normalised * logRatio.detach()).sum();
        // Σₖ w̃ₖ log(K w̃ₖ) = log K − H(w̃); log_softmax stays finite where w̃ₖ underflows to 0, so 0·log 0 is 0.
        var divergence = ((normalised * logNormalised).sum(dim: 0) + Math.Log(samples)).sum();
        return new ModelLoss(total, [new(VaeLoss.Reconstruction, reconstruction), new(VaeLoss.Kl, kl), new(WeightDivergence, divergence)]);
    }
}
