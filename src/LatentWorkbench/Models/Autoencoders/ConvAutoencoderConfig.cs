namespace LatentWorkbench.Models.Autoencoders;

/// <summary>
/// Sizes of the convolutional autoencoder on 1×side×side images: two stride-2 3×3 convolutions (side → side/2 →
/// side/4), a linear code, and the mirror with transposed convolutions.
/// </summary>
/// <param name="ImageSide">Image height = width (MNIST: 28); must be divisible by 4.</param>
/// <param name="FirstChannels">Channels after the first convolution.</param>
/// <param name="SecondChannels">Channels after the second convolution.</param>
/// <param name="CodeSize">Code dimensions k.</param>
/// <param name="Loss">Training loss (the output is a sigmoid).</param>
public sealed record ConvAutoencoderConfig(
    int ImageSide = 28,
    int FirstChannels = 16,
    int SecondChannels = 32,
    int CodeSize = 16,
    ReconstructionLoss Loss = ReconstructionLoss.BinaryCrossEntropy) : AutoencoderConfig
{
    /// <summary>Pixels per flattened image, side².</summary>
    public int InputSize => ImageSide * ImageSide;

    /// <summary>Side of the feature map after the two stride-2 convolutions, side/4.</summary>
    public int BottleneckSide => ImageSide / 4;

    /// <summary>Throws when a size is not positive or the side is not divisible by 4, naming the field.</summary>
    public override void Validate()
    {
        ConvolutionalStacks.ValidateSizes(ImageSide, FirstChannels, SecondChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(CodeSize, nameof(CodeSize));
    }
}
