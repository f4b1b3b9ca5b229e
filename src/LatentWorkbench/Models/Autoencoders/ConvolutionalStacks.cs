using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LatentWorkbench.Models.Autoencoders;

/// <summary>
/// The convolutional encoder and decoder bodies shared by <see cref="ConvAutoencoder"/> and the conv VAE, so both
/// have the same layers and the same state-dict names.
/// </summary>
/// <remarks>
/// Encoder body: [B, 1, s, s] → Conv2d(1, c₁, 3, stride 2, pad 1) → ReLU → Conv2d(c₁, c₂, 3, 2, 1) → ReLU → Flatten
/// → [B, c₂·(s/4)²]. Decoder body: [B, c₂·(s/4)²] → Unflatten → ConvTranspose2d(c₂, c₁, 3, 2, 1, output_padding 1) →
/// ReLU → ConvTranspose2d(c₁, 1, 3, 2, 1, 1) → [B, 1, s, s] (pre-activation).
/// </remarks>
public static class ConvolutionalStacks
{
    /// <summary>The encoder body; its output has <c>c₂·(s/4)²</c> features.</summary>
    public static Sequential EncoderBody(int firstChannels, int secondChannels) => nn.Sequential(
        nn.Conv2d(1, firstChannels, 3, stride: 2, padding: 1),
        nn.ReLU(),
        nn.Conv2d(firstChannels, secondChannels, 3, stride: 2, padding: 1),
        nn.ReLU(),
        nn.Flatten());

    /// <summary>The decoder body from <c>c₂·(s/4)²</c> features to a 1×s×s pre-activation.</summary>
    public static Sequential DecoderBody(int firstChannels, int secondChannels, int bottleneckSide) => nn.Sequential(
        nn.Unflatten(1, [secondChannels, bottleneckSide, bottleneckSide]),
        nn.ConvTranspose2d(secondChannels, firstChannels, 3, stride: 2, padding: 1, output_padding: 1),
        nn.ReLU(),
        nn.ConvTranspose2d(firstChannels, 1, 3, stride: 2, padding: 1, output_padding: 1));

    /// <summary>
    /// Checks the sizes the two stacks need: a positive image side divisible by 4 (two stride-2 convolutions) and
    /// positive channel counts, naming the field.
    /// </summary>
    public static void ValidateSizes(int imageSide, int firstChannels, int secondChannels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(imageSide, "ImageSide");
        if (imageSide % 4 != 0)
        {
            throw new ArgumentOutOfRangeException("ImageSide", imageSide, "ImageSide must be divisible by 4 (two stride-2 convolutions).");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(firstChannels, "FirstChannels");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(secondChannels, "SecondChannels");
    }
}
