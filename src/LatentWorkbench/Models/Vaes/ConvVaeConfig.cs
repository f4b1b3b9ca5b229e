using LatentWorkbench.Models.Autoencoders;

namespace LatentWorkbench.Models.Vaes;

/// <summary>Sizes of the convolutional VAE on 1×side×side images (the body of <see cref="Autoencoders.ConvolutionalStacks"/>).</summary>
/// <param name="ImageSide">Image height = width (MNIST: 28); must be divisible by 4.</param>
/// <param name="FirstChannels">Channels after the first stride-2 convolution.</param>
/// <param name="SecondChannels">Channels after the second.</param>
/// <param name="LatentSize">Latent dimensions.</param>
public sealed record ConvVaeConfig(int ImageSide = 28, int FirstChannels = 32, int SecondChannels = 64, int LatentSize = 20) : VaeNetworkConfig
{
    /// <summary>Pixels per flattened image, side².</summary>
    public int InputSize => ImageSide * ImageSide;

    /// <summary>Side of the feature map after the two stride-2 convolutions, side/4.</summary>
    public int BottleneckSide => ImageSide / 4;

    /// <summary>Throws when a size is not positive or the side is not divisible by 4, naming the field.</summary>
    public override void Validate()
    {
        ConvolutionalStacks.ValidateSizes(ImageSide, FirstChannels, SecondChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(LatentSize, nameof(LatentSize));
    }
}
