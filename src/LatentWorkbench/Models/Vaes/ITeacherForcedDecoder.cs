using TorchSharp;

namespace LatentWorkbench.Models.Vaes;

/// <summary>
/// A VAE whose decoder is autoregressive: the logits of each pixel depend on z and on the pixels before it, so p(x|z)
/// is evaluated with the true x fed in (teacher forcing) rather than from z alone.
/// </summary>
public interface ITeacherForcedDecoder
{
    /// <summary>Bernoulli logits of p(x|z) [B, input], where pixel i's logit sees z and x's pixels before i only.</summary>
    /// <param name="z">Latent codes [B, latent].</param>
    /// <param name="x">The examples being scored, flattened [B, input].</param>
    torch.Tensor ReconstructionLogits(torch.Tensor z, torch.Tensor x);
}
