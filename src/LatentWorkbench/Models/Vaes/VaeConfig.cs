namespace LatentWorkbench.Models.Vaes;

/// <summary>Sizes of the seed VAE (pytorch/examples vae/main.py): input → hidden → (μ, log σ²) ∈ ℝ^latent, latent → hidden → input.</summary>
/// <param name="InputSize">Pixels per image (MNIST: 784).</param>
/// <param name="HiddenSize">Width of the one hidden layer on each side.</param>
/// <param name="LatentSize">Latent dimensions.</param>
public sealed record VaeConfig(int InputSize = 784, int HiddenSize = 400, int LatentSize = 20) : VaeNetworkConfig
{
    /// <summary>Throws when a size is not positive, naming it.</summary>
    public override void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(InputSize, nameof(InputSize));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(HiddenSize, nameof(HiddenSize));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(LatentSize, nameof(LatentSize));
    }
}
