namespace LatentWorkbench.Models.Autoencoders;

/// <summary>
/// Sizes of a fully connected autoencoder: input → hidden… → code (linear) → …hidden reversed → input. The
/// defaults are Hinton &amp; Salakhutdinov 2006 (Science 313:504) for MNIST: 784-1000-500-250-30, logistic
/// hidden units, a linear code layer and a logistic output.
/// </summary>
/// <param name="InputSize">Pixels per image (MNIST: 784).</param>
/// <param name="CodeSize">Code dimensions k (the paper's MNIST code: 30).</param>
/// <param name="HiddenSizes">Encoder widths from the input side; the decoder mirrors them. Null: 1000, 500, 250.</param>
/// <param name="Activation">Between hidden layers (the paper: logistic).</param>
/// <param name="Loss">Training loss. The paper fine-tunes with cross-entropy and reports the squared error per image
/// (<see cref="AutoencoderLoss.SquaredErrorPerImage"/>).</param>
public sealed record MlpAutoencoderConfig(
    int InputSize = 784,
    int CodeSize = 30,
    IReadOnlyList<int>? HiddenSizes = null,
    HiddenActivation Activation = HiddenActivation.Sigmoid,
    ReconstructionLoss Loss = ReconstructionLoss.BinaryCrossEntropy) : AutoencoderConfig
{
    /// <summary>The widths of Hinton &amp; Salakhutdinov 2006.</summary>
    public static IReadOnlyList<int> PaperHiddenSizes { get; } = [1000, 500, 250];

    /// <summary><see cref="HiddenSizes"/> or the paper's widths.</summary>
    public IReadOnlyList<int> ResolvedHiddenSizes => HiddenSizes ?? PaperHiddenSizes;

    /// <summary>Throws when a size is not positive, naming it.</summary>
    public override void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(InputSize, nameof(InputSize));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(CodeSize, nameof(CodeSize));
        var sizes = ResolvedHiddenSizes;
        for (int i = 0; i < sizes.Count; i++)
        {
            if (sizes[i] <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(HiddenSizes), sizes[i], $"HiddenSizes[{i}] must be positive.");
            }
        }
    }
}
