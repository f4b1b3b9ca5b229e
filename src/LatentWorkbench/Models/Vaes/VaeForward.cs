using TorchSharp;

namespace LatentWorkbench.Models.Vaes;

/// <summary>One pass encode → reparameterise → decode of a batch (<see cref="VaeVariant.Forward"/>): what a variant's loss scores.</summary>
/// <param name="X">The batch flattened, [B, input].</param>
/// <param name="Posterior">q(z|x).</param>
/// <param name="Z">z = μ + ε·σ, one draw per example, [B, latent].</param>
/// <param name="Logits">Bernoulli logits of p(x|z), [B, input] (teacher-forced for an autoregressive decoder).</param>
public sealed record VaeForward(torch.Tensor X, GaussianPosterior Posterior, torch.Tensor Z, torch.Tensor Logits);
