using LatentWorkbench.Compute;
using TorchSharp;
using static TorchSharp.torch;

namespace LatentWorkbench.Models.Autoencoders;

/// <summary>
/// The part every autoencoder module shares: forward = Decode(Encode(x)), the output activation and the
/// reconstruction loss. A family derives, builds its <c>encoder</c> and <c>decoder</c> fields and implements
/// <see cref="Encode"/> and <see cref="DecodePreActivation"/>.
/// </summary>
public abstract class AutoencoderModule : nn.Module<Tensor, Tensor>, IAutoencoder
{
    /// <summary>Loads libtorch; the derived constructor validates its config, builds its layers and calls <c>RegisterComponents()</c>.</summary>
    protected AutoencoderModule(string name)
        : base(name) => TorchRuntime.EnsureInitialized();

    /// <inheritdoc/>
    public abstract int InputSize { get; }

    /// <inheritdoc/>
    public abstract int CodeSize { get; }

    /// <inheritdoc/>
    public abstract ReconstructionLoss LossKind { get; }

    /// <inheritdoc/>
    public virtual OutputActivation Output => OutputActivation.Sigmoid;

    /// <inheritdoc/>
    public nn.Module Module => this;

    /// <inheritdoc/>
    public abstract Tensor Encode(Tensor x);

    /// <inheritdoc/>
    public abstract Tensor DecodePreActivation(Tensor code);

    /// <inheritdoc/>
    public Tensor Decode(Tensor code) => AutoencoderLoss.Pixels(DecodePreActivation(code), Output);

    /// <inheritdoc/>
    public Tensor Reconstruct(Tensor x) => Decode(Encode(x));

    /// <summary>The reconstructed pixels of <paramref name="input"/>, [B, input].</summary>
    public override Tensor forward(Tensor input) => Decode(Encode(input));

    /// <inheritdoc/>
    public virtual ModelLoss Loss(Tensor batch)
    {
        var x = batch.reshape(-1, InputSize);
        return AutoencoderLoss.Compute(DecodePreActivation(Encode(x)), x, LossKind, Output);
    }
}
