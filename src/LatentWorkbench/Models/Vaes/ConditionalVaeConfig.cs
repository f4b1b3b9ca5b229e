namespace LatentWorkbench.Models.Vaes;

/// <summary>
/// Sizes of the conditional VAE: the seed VAE's layers with the label's one-hot code appended to the encoder's input
/// (input + classes → hidden → μ, log σ² ∈ ℝ^latent) and to the decoder's (latent + classes → hidden → input).
/// </summary>
/// <param name="InputSize">Pixels per image (MNIST: 784).</param>
/// <param name="Classes">Label values 0 … classes − 1 (MNIST: 10).</param>
/// <param name="HiddenSize">Width of the one hidden layer on each side.</param>
/// <param name="LatentSize">Latent dimensions: what the label does not say (a writer's style).</param>
public sealed record ConditionalVaeConfig(int InputSize = 784, int Classes = 10, int HiddenSize = 400, int LatentSize = 20)
{
    /// <summary>Throws when a size is not positive (or there are fewer than two classes), naming it.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(InputSize, nameof(InputSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(Classes, 2, nameof(Classes));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(HiddenSize, nameof(HiddenSize));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(LatentSize, nameof(LatentSize));
    }
}
