using TorchSharp;

namespace LatentWorkbench.Models.Autoencoders;

/// <summary>
/// A denoising autoencoder (Vincent et al. 2008): any <see cref="IAutoencoder"/> trained to reconstruct the clean
/// x from a corrupted x̃. Only the loss differs (pythae's pattern): in training mode the loss is
/// L(decode(encode(x̃)), x); in eval mode, and in Encode/Decode/Reconstruct always, the input is not corrupted.
/// </summary>
/// <remarks>
/// The module is the wrapped autoencoder's, so parameters, <c>train()</c>/<c>eval()</c>, devices and checkpoints
/// (state-dict names included) are exactly those of the plain model. The noise comes from a generator seeded with
/// <see cref="DenoisingOptions.Seed"/> on the batch's device, created on first use: the same seed draws the same
/// corruptions, independently of torch's global generator (which shuffles the batches).
/// </remarks>
public sealed class DenoisingAutoencoder : IAutoencoder
{
    private readonly IAutoencoder _autoencoder;
    private torch.Generator? _generator;

    /// <summary>Wraps <paramref name="autoencoder"/> with the corruption of <paramref name="options"/> (validated here).</summary>
    public DenoisingAutoencoder(IAutoencoder autoencoder, DenoisingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(autoencoder);
        Options = options ?? new DenoisingOptions();
        Options.Validate();
        _autoencoder = autoencoder;
    }

    /// <summary>The corruption.</summary>
    public DenoisingOptions Options { get; }

    /// <summary>The wrapped autoencoder.</summary>
    public IAutoencoder Autoencoder => _autoencoder;

    /// <inheritdoc/>
    public torch.nn.Module Module => _autoencoder.Module;

    /// <inheritdoc/>
    public int InputSize => _autoencoder.InputSize;

    /// <inheritdoc/>
    public int CodeSize => _autoencoder.CodeSize;

    /// <inheritdoc/>
    public ReconstructionLoss LossKind => _autoencoder.LossKind;

    /// <inheritdoc/>
    public OutputActivation Output => _autoencoder.Output;

    /// <inheritdoc/>
    public torch.Tensor Encode(torch.Tensor x) => _autoencoder.Encode(x);

    /// <inheritdoc/>
    public torch.Tensor DecodePreActivation(torch.Tensor code) => _autoencoder.DecodePreActivation(code);

    /// <inheritdoc/>
    public torch.Tensor Decode(torch.Tensor code) => _autoencoder.Decode(code);

    /// <inheritdoc/>
    public torch.Tensor Reconstruct(torch.Tensor x) => _autoencoder.Reconstruct(x);

    /// <summary>The input the encoder sees in <see cref="Loss"/>: corrupted in training mode, <paramref name="x"/> itself in eval mode.</summary>
    public torch.Tensor TrainingInput(torch.Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (!Module.training)
        {
            return x;
        }

        // Device is a class without value equality: compare its type and index.
        if (_generator is null || _generator.device.type != x.device.type || _generator.device.index != x.device.index)
        {
            _generator?.Dispose();
            _generator = new torch.Generator((ulong)Options.Seed, x.device);
        }

        using var noGrad = torch.no_grad();
        return Corruption.Apply(x, Options.Kind, Options.Level, _generator);
    }

    /// <inheritdoc/>
    /// <remarks>The wrapped model's reconstruction loss of the clean batch from the encoding of <see cref="TrainingInput"/>.</remarks>
    public ModelLoss Loss(torch.Tensor batch)
    {
        var clean = batch.reshape(-1, InputSize);
        var preActivation = _autoencoder.DecodePreActivation(_autoencoder.Encode(TrainingInput(clean)));
        return AutoencoderLoss.Compute(preActivation, clean, LossKind, Output);
    }
}
