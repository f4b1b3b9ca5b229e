namespace LatentWorkbench.Models.Gans;

/// <summary>
/// Sizes and optimiser settings of the MLP <see cref="Gan"/>. The optimisers belong here (not to the recipe's one
/// optimiser) because a GAN has two, and their learning-rate ratio decides whether it collapses.
/// </summary>
/// <param name="InputSize">Pixels per image (MNIST: 784).</param>
/// <param name="NoiseSize">Dimensions of the generator's noise z ~ N(0, I).</param>
/// <param name="HiddenSize">Width of the first hidden layer of the generator and the last of the discriminator (the other is twice as wide).</param>
/// <param name="GeneratorLearningRate">Adam's rate for the generator.</param>
/// <param name="DiscriminatorLearningRate">Adam's rate for the discriminator.</param>
/// <param name="Beta1">Adam's β₁ for both (DCGAN's 0.5; β₂ = 0.999).</param>
/// <param name="SpectralNorm">Whether every layer of the discriminator is spectrally normalised (<see cref="SpectralNormLinear"/>,
/// Miyato et al. 2018), so that it cannot grow as confident as it likes: the remedy for mode collapse.</param>
/// <param name="DiscriminatorDropout">Dropout probability after each of the discriminator's hidden layers (0: none), a
/// training choice that keeps it from memorising a small training set.</param>
public sealed record GanConfig(
    int InputSize = 784,
    int NoiseSize = 64,
    int HiddenSize = 256,
    double GeneratorLearningRate = 2e-4,
    double DiscriminatorLearningRate = 2e-4,
    double Beta1 = 0.5,
    bool SpectralNorm = false,
    double DiscriminatorDropout = 0)
{
    /// <summary>Throws naming the first invalid field.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(InputSize, nameof(InputSize));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(NoiseSize, nameof(NoiseSize));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(HiddenSize, nameof(HiddenSize));
        Positive(GeneratorLearningRate, nameof(GeneratorLearningRate));
        Positive(DiscriminatorLearningRate, nameof(DiscriminatorLearningRate));
        if (!(DiscriminatorDropout >= 0 && DiscriminatorDropout < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(DiscriminatorDropout), DiscriminatorDropout, "A dropout probability must be in [0, 1).");
        }

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
