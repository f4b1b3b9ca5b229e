namespace LatentWorkbench.Models.Classifiers;

/// <summary>
/// Sizes of the small convolutional digit classifier on 1×side×side images: two 5×5 convolutions (padding 2), each
/// followed by ReLU and 2×2 max-pooling, then two fully connected layers with dropout before each.
/// </summary>
/// <param name="ImageSide">Image height = width (MNIST: 28); must be divisible by 4 (two 2×2 poolings).</param>
/// <param name="Classes">Number of classes (MNIST: 10).</param>
/// <param name="FirstChannels">Channels of the first convolution.</param>
/// <param name="SecondChannels">Channels of the second convolution.</param>
/// <param name="HiddenSize">Width of the first fully connected layer: the penultimate features.</param>
/// <param name="Dropout">Probability of zeroing a unit before each fully connected layer (training only).</param>
public sealed record ConvClassifierConfig(
    int ImageSide = 28,
    int Classes = 10,
    int FirstChannels = 16,
    int SecondChannels = 32,
    int HiddenSize = 128,
    double Dropout = 0.25)
{
    /// <summary>Pixels per flattened image, side².</summary>
    public int InputSize => ImageSide * ImageSide;

    /// <summary>Side of the feature map after the two poolings, side/4.</summary>
    public int PooledSide => ImageSide / 4;

    /// <summary>Inputs of <c>fc1</c>: c₂·(side/4)².</summary>
    public int FlattenedSize => SecondChannels * PooledSide * PooledSide;

    /// <summary>Throws naming the first invalid size.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ImageSide, nameof(ImageSide));
        if (ImageSide % 4 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ImageSide), ImageSide, "ImageSide must be divisible by 4 (two 2×2 poolings).");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(Classes, 2, nameof(Classes));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(FirstChannels, nameof(FirstChannels));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(SecondChannels, nameof(SecondChannels));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(HiddenSize, nameof(HiddenSize));
        if (!(Dropout >= 0 && Dropout < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Dropout), Dropout, "Dropout must be in [0, 1).");
        }
    }
}
