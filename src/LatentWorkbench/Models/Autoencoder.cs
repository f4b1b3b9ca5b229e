using LatentWorkbench.Nn;
using LatentWorkbench.Tensors;

namespace LatentWorkbench.Models;

/// <summary>
/// Base of every autoencoder family (plain, VAE, β-VAE, conditional VAE, IWAE): shared Encode / Decode /
/// Reconstruct; each variant defines its loss and overrides only what differs.
/// </summary>
public abstract class Autoencoder : Module, ILossModel
{
    /// <summary>The latent code of x [N, D] → [N, latent] (the posterior mean for VAEs).</summary>
    public abstract Tensor Encode(Tensor x);

    /// <summary>The reconstruction in data space of z [N, latent] → [N, D] (probabilities for Bernoulli decoders).</summary>
    public abstract Tensor Decode(Tensor z);

    /// <summary>Decode(Encode(x)).</summary>
    public Tensor Reconstruct(Tensor x) => Decode(Encode(x));

    /// <inheritdoc/>
    public abstract ModelLoss Loss(Tensor batch, TensorRandom? random);

    /// <summary>Same as <see cref="Reconstruct"/>.</summary>
    public override Tensor Forward(Tensor input) => Reconstruct(input);
}
