using TorchSharp;

namespace LatentWorkbench.Models.Autoencoders;

/// <summary>
/// What every deterministic autoencoder of the workbench offers: a code per example, a decoder back to pixels and
/// the reconstruction, so notebooks, reducers and metrics treat any of them alike.
/// </summary>
/// <remarks>Shapes: x is [B, input] (flattened images); the code is [B, <see cref="CodeSize"/>].</remarks>
public interface IAutoencoder : ITrainableModel
{
    /// <summary>Pixels per (flattened) example.</summary>
    int InputSize { get; }

    /// <summary>Code dimensions k.</summary>
    int CodeSize { get; }

    /// <summary>How <see cref="ITrainableModel.Loss(TorchSharp.torch.Tensor)"/> scores a reconstruction.</summary>
    ReconstructionLoss LossKind { get; }

    /// <summary>The decoder's last activation (what <see cref="Decode"/> applies to <see cref="DecodePreActivation"/>).</summary>
    OutputActivation Output { get; }

    /// <summary>The code of a batch: [B, input] → [B, k].</summary>
    torch.Tensor Encode(torch.Tensor x);

    /// <summary>The decoder before its output activation, [B, k] → [B, input]: logits for a sigmoid output, the pixels for an identity output.</summary>
    torch.Tensor DecodePreActivation(torch.Tensor code);

    /// <summary>The decoded pixels, [B, k] → [B, input] (the output activation applied).</summary>
    torch.Tensor Decode(torch.Tensor code);

    /// <summary>Decode(Encode(x)), [B, input] → [B, input].</summary>
    torch.Tensor Reconstruct(torch.Tensor x) => Decode(Encode(x));
}
