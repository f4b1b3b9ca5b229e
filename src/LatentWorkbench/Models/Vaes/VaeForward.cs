using TorchSharp;

namespace LatentWorkbench.Models.Vaes;

/// <summary>One pass encode → reparameterise → decode of a batch (<see cref="Of"/>): what every VAE's loss scores.</summary>
/// <param name="X">The batch flattened, [B, input].</param>
/// <param name="Posterior">q(z|x).</param>
/// <param name="Z">z = μ + ε·σ, one draw per example, [B, latent].</param>
/// <param name="Logits">Bernoulli logits of p(x|z), [B, input] (teacher-forced for an autoregressive decoder).</param>
public sealed record VaeForward(torch.Tensor X, GaussianPosterior Posterior, torch.Tensor Z, torch.Tensor Logits)
{
    /// <summary>
    /// The one place a VAE's forward pass is written: encodes <paramref name="batch"/> to q(z|x), draws
    /// z = μ + ε·σ (one ε ~ N(0, I) per example from torch's global generator) and decodes it; an autoregressive
    /// decoder (<see cref="ITeacherForcedDecoder"/>) is scored with x fed in. The networks' <c>forward</c> and every
    /// <see cref="VaeVariant"/> go through it.
    /// </summary>
    public static VaeForward Of(IVariationalAutoencoder network, torch.Tensor batch)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(batch);
        var posterior = network.Encode(batch);
        var z = posterior.Sample();
        var x = batch.reshape(batch.shape[0], -1);
        var logits = network is ITeacherForcedDecoder autoregressive ? autoregressive.ReconstructionLogits(z, x) : network.DecodeLogits(z);
        return new VaeForward(x, posterior, z, logits);
    }
}
