namespace LatentWorkbench.Models.Vaes;

/// <summary>Sizes of the <see cref="AutoregressiveVae"/>: the seed VAE's MLP encoder and a row-by-row GRU decoder.</summary>
/// <param name="ImageSide">Image height = width (MNIST: 28); the decoder emits one row of this many pixels per step.</param>
/// <param name="EncoderHiddenSize">Width of the encoder's hidden layer.</param>
/// <param name="LatentSize">Latent dimensions.</param>
/// <param name="DecoderHiddenSize">The GRU's state size: how much of the rows above it can remember.</param>
public sealed record AutoregressiveVaeConfig(int ImageSide = 28, int EncoderHiddenSize = 400, int LatentSize = 20, int DecoderHiddenSize = 256) : VaeNetworkConfig
{
    /// <summary>Pixels per flattened image, side².</summary>
    public int InputSize => ImageSide * ImageSide;

    /// <summary>Throws when a size is not positive, naming it.</summary>
    public override void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ImageSide, nameof(ImageSide));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(EncoderHiddenSize, nameof(EncoderHiddenSize));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(LatentSize, nameof(LatentSize));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(DecoderHiddenSize, nameof(DecoderHiddenSize));
    }
}
