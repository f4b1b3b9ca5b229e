using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LatentWorkbench.Models.Autoencoders;

/// <summary>
/// The linear autoencoder: x̂ = W_d (W_e (x − m) + b_e) + b_d + m, identity activations, squared-error loss, with m
/// the training mean (<see cref="LinearAutoencoderConfig.CenterInput"/>; zero when off). Its optimum spans the top-k
/// principal subspace of the data (Baldi &amp; Hornik 1989; Bourlard &amp; Kamp 1988), though the code is an
/// arbitrary (not orthonormal, not ordered) basis of it.
/// </summary>
/// <remarks>
/// State-dict names: <c>encoder.weight</c> [k, input], <c>encoder.bias</c>, <c>decoder.weight</c> [input, k],
/// <c>decoder.bias</c>, and the buffer <c>input_mean</c> [input], set from the training data before the first step.
/// </remarks>
public sealed class LinearAutoencoder : AutoencoderModule, IDataInitializedModel
{
#pragma warning disable IDE1006, SA1300 // PyTorch's state_dict names
    private readonly Linear encoder;
    private readonly Linear decoder;
    private readonly Tensor input_mean;
#pragma warning restore IDE1006, SA1300

    /// <summary>Creates the layers with PyTorch's default initialisation from the global seed.</summary>
    public LinearAutoencoder(LinearAutoencoderConfig? config = null)
        : base(nameof(LinearAutoencoder))
    {
        Config = config ?? new LinearAutoencoderConfig();
        Config.Validate();
        encoder = nn.Linear(Config.InputSize, Config.CodeSize);
        decoder = nn.Linear(Config.CodeSize, Config.InputSize);
        input_mean = zeros(Config.InputSize);
        RegisterComponents();
    }

    /// <summary>The sizes this model was built with.</summary>
    public LinearAutoencoderConfig Config { get; }

    /// <inheritdoc/>
    public override int InputSize => Config.InputSize;

    /// <inheritdoc/>
    public override int CodeSize => Config.CodeSize;

    /// <inheritdoc/>
    public override ReconstructionLoss LossKind => ReconstructionLoss.SquaredError;

    /// <inheritdoc/>
    public override OutputActivation Output => OutputActivation.Identity;

    /// <summary>The decoder's weight [input, k]: its columns span the learned subspace.</summary>
    public Tensor DecoderWeight => decoder.weight!;

    /// <summary>The mean subtracted before the encoder and added after the decoder (zeros until trained, or when not centring).</summary>
    public Tensor InputMean => input_mean;

    /// <summary>Sets <see cref="InputMean"/> to the mean of <paramref name="inputs"/> when <see cref="LinearAutoencoderConfig.CenterInput"/>.</summary>
    public void InitializeFromData(Tensor inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (Config.CenterInput)
        {
            using var flat = inputs.reshape(-1, InputSize);
            using var mean = flat.mean([0]);
            input_mean.copy_(mean);
        }
    }

    /// <inheritdoc/>
    public override Tensor Encode(Tensor x)
    {
        using var centered = x.reshape(-1, InputSize) - input_mean;
        return encoder.forward(centered);
    }

    /// <inheritdoc/>
    public override Tensor DecodePreActivation(Tensor code)
    {
        using var decoded = decoder.forward(code);
        return decoded + input_mean;
    }
}
