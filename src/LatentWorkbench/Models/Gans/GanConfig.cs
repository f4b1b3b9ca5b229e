namespace LatentWorkbench.Models.Gans;

/// <summary>
/// Sizes and optimiser settings of the MLP <see cref="Gan"/>. The optimisers belong here (not to the recipe's one
/// optimiser) because a GAN has two, and their learning-rate ratio decides whether it collapses.
/// </summary>
/// <param name="InputSize">Pixels per image (MNIST: 784).</param>
/// <param name="NoiseSize">Dimensions of the generator's noise z ~ N(0, I).</param>
/// <param name="HiddenSize">Width of the first hidden layer of the generator and the last of the discriminator (the other is twice as wide).</param>
/// <param name="Packing">PacGAN's m (Lin et al. 2018): the discriminator judges m examples at once, all real or all generated; 1: a plain GAN.</param>
/// <param name="GeneratorLearningRate">Adam's rate for the generator.</param>
/// <param name="DiscriminatorLearningRate">Adam's rate for the discriminator.</param>
/// <param name="Beta1">Adam's β₁ for both (DCGAN's 0.5; β₂ = 0.999).</param>
public sealed record GanConfig(
    int InputSize = 784,
    int NoiseSize = 64,
    int HiddenSize = 256,
    int Packing = 1,
    double GeneratorLearningRate = 2e-4,
    double DiscriminatorLearningRate = 2e-4,
    double Beta1 = 0.5)
{
    /// <summary>Throws naming the first invalid field.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(InputSize, nameof(InputSize));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(NoiseSize, nameof(NoiseSize));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(HiddenSize, nameof(HiddenSize));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Packing, nameof(Packing));
        Positive(GeneratorLearningRate, nameof(GeneratorLearningRate));
        Positive(DiscriminatorLearningRate, nameof(DiscriminatorLearningRate));
        if (!(Beta1 >= 0 && Beta1 < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Beta1), Beta1, "Adam's β₁ must be in [0, 1).");
        }
    }

    private static void Positive(double value, string name)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive and finite.");
        }
    }
}
