using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LatentWorkbench.Models.Autoencoders;

/// <summary>
/// The linear autoencoder: x̂ = W_d (W_e x + b_e) + b_d, identity activations, squared-error loss. Its optimum
/// spans the top-k principal subspace of the data (Baldi &amp; Hornik 1989; Bourlard &amp; Kamp 1988), though the
/// code is an arbitrary (not orthonormal, not ordered) basis of it.
/// </summary>
/// <remarks>State-dict names: <c>encoder.weight</c> [k, input], <c>encoder.bias</c>, <c>decoder.weight</c> [input, k], <c>decoder.bias</c>.</remarks>
public sealed class LinearAutoencoder : AutoencoderModule
{
#pragma warning disable IDE1006, SA1300 // PyTorch's state_dict names
    private readonly Linear encoder;
    private readonly Linear decoder;
#pragma warning restore IDE1006, SA1300

    /// <summary>Creates the layers with PyTorch's default initialisation from the global seed.</summary>
    public LinearAutoencoder(LinearAutoencoderConfig? config = null)
        : base(nameof(LinearAutoencoder))
    {
        Config = config ?? new LinearAutoencoderConfig();
        Config.Validate();
        encoder = nn.Linear(Config.InputSize, Config.CodeSize);
        decoder = nn.Linear(Config.CodeSize, Config.InputSize);
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

    /// <inheritdoc/>
    public override Tensor Encode(Tensor x) => encoder.forward(x.reshape(-1, InputSize));

    /// <inheritdoc/>
    public override Tensor DecodePreActivation(Tensor code) => decoder.forward(code);
}
