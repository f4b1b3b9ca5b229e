namespace LatentWorkbench.Models.Autoencoders;

/// <summary>Sizes of the linear autoencoder: one linear encoder input → k, one linear decoder k → input.</summary>
/// <param name="InputSize">Pixels per image (MNIST: 784).</param>
/// <param name="CodeSize">Code dimensions k.</param>
/// <param name="CenterInput">
/// Subtract the training mean before the encoder and add it back after the decoder, as PCA does. The model is the
/// same function class either way, but on raw MNIST pixels (the mean image's squared norm is 35, the total variance
/// 52.7) the encoder's gradient is dominated by the mean direction and Adam needs many times the epochs to find the
/// principal subspace (docs/autoencoders.md, "Linear autoencoder").
/// </param>
public sealed record LinearAutoencoderConfig(int InputSize = 784, int CodeSize = 30, bool CenterInput = true) : AutoencoderConfig
{
    /// <summary>Throws when a size is not positive, naming it.</summary>
    public override void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(InputSize, nameof(InputSize));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(CodeSize, nameof(CodeSize));
    }
}
