namespace LatentWorkbench.Models.Vae;

/// <summary>
/// The seed tutorial's VAE (pytorch/examples vae): encoder D → hidden (ReLU) → μ, log σ² (latent each);
/// decoder latent → hidden (ReLU) → D (sigmoid, Bernoulli likelihood).
/// </summary>
/// <param name="InputDim">D, pixels per image (784 for MNIST).</param>
/// <param name="HiddenDim">Width of the hidden layer (400).</param>
/// <param name="LatentDim">Latent dimensions (20).</param>
public sealed record VaeConfig(int InputDim = 784, int HiddenDim = 400, int LatentDim = 20)
{
    /// <summary>Throws when a size is not positive.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(InputDim);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(HiddenDim);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(LatentDim);
    }
}
