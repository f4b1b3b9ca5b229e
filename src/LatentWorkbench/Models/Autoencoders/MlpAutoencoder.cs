using LatentWorkbench.Models.Layers;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LatentWorkbench.Models.Autoencoders;

/// <summary>
/// A deep fully connected autoencoder (Hinton &amp; Salakhutdinov 2006 by default): <c>encoder</c> and
/// <c>decoder</c> are <c>nn.Sequential</c>s of Linear + activation, the code layer linear, the output logistic.
/// </summary>
/// <remarks>
/// State-dict names are PyTorch's for the same <c>nn.Sequential</c>s: <c>encoder.0.weight</c>, <c>encoder.2.weight</c>, …,
/// <c>decoder.0.weight</c>, …. Trained end to end by backpropagation (the paper pretrains with stacked RBMs first;
/// that stage is not part of this model). The linear layers go through <see cref="DenseLayers"/> (libtorch's GEMM unless our SGEMM is switched on). Shapes: x [B, input] → code [B, k] → logits [B, input].
/// </remarks>
public sealed class MlpAutoencoder : AutoencoderModule
{
#pragma warning disable IDE1006, SA1300 // PyTorch's state_dict names
    private readonly Sequential encoder;
    private readonly Sequential decoder;
#pragma warning restore IDE1006, SA1300

    /// <summary>Creates the layers with PyTorch's default initialisation from the global seed.</summary>
    public MlpAutoencoder(MlpAutoencoderConfig? config = null)
        : base(nameof(MlpAutoencoder))
    {
        Config = config ?? new MlpAutoencoderConfig();
        Config.Validate();
        var widths = new List<int> { Config.InputSize };
        widths.AddRange(Config.ResolvedHiddenSizes);
        widths.Add(Config.CodeSize);
        encoder = Stack(widths, Config.Activation);
        widths.Reverse();
        decoder = Stack(widths, Config.Activation);
        RegisterComponents();
    }

    /// <summary>The sizes this model was built with.</summary>
    public MlpAutoencoderConfig Config { get; }

    /// <inheritdoc/>
    public override int InputSize => Config.InputSize;

    /// <inheritdoc/>
    public override int CodeSize => Config.CodeSize;

    /// <inheritdoc/>
    public override ReconstructionLoss LossKind => Config.Loss;

    /// <inheritdoc/>
    public override Tensor Encode(Tensor x) => DenseLayers.Forward(encoder, x.reshape(-1, InputSize));

    /// <inheritdoc/>
    public override Tensor DecodePreActivation(Tensor code) => DenseLayers.Forward(decoder, code);

    // Linear layers between consecutive widths with the activation between them, none after the last
    // (the code layer is linear; the output activation is applied by Decode or fused into the loss).
    private static Sequential Stack(IReadOnlyList<int> widths, HiddenActivation activation)
    {
        var layers = new List<nn.Module<Tensor, Tensor>>();
        for (int i = 0; i + 1 < widths.Count; i++)
        {
            layers.Add(nn.Linear(widths[i], widths[i + 1]));
            if (i + 2 < widths.Count)
            {
                layers.Add(HiddenActivations.Create(activation));
            }
        }

        return nn.Sequential(layers);
    }
}
