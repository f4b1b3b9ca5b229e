namespace LatentWorkbench.Models.Autoencoders;

/// <summary>Sizes of the linear autoencoder: one linear encoder input → k, one linear decoder k → input.</summary>
/// <param name="InputSize">Pixels per image (MNIST: 784).</param>
/// <param name="CodeSize">Code dimensions k.</param>
public sealed record LinearAutoencoderConfig(int InputSize = 784, int CodeSize = 30)
{
    /// <summary>Throws when a size is not positive, naming it.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(InputSize, nameof(InputSize));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(CodeSize, nameof(CodeSize));
    }
}
