using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LatentWorkbench.Models.Autoencoders;

/// <summary>
/// A convolutional autoencoder on 1×s×s images (<see cref="ConvolutionalStacks"/>): conv body → Linear to the code
/// (<c>bottleneck</c>); Linear + ReLU back (<c>expand</c>) → transposed-conv body; sigmoid output.
/// </summary>
/// <remarks>
/// Takes and returns flattened images ([B, s²]) like every autoencoder here; reshapes to [B, 1, s, s] inside.
/// State-dict names: <c>encoder.0.weight</c>, <c>encoder.2.weight</c>, <c>bottleneck.weight</c>, <c>expand.weight</c>,
/// <c>decoder.1.weight</c>, <c>decoder.3.weight</c> (+ biases).
/// </remarks>
public sealed class ConvAutoencoder : AutoencoderModule
{
#pragma warning disable IDE1006, SA1300 // PyTorch's state_dict names
    private readonly Sequential encoder;
    private readonly Linear bottleneck;
    private readonly Linear expand;
    private readonly Sequential decoder;
#pragma warning restore IDE1006, SA1300

    /// <summary>Creates the layers with PyTorch's default initialisation from the global seed.</summary>
    public ConvAutoencoder(ConvAutoencoderConfig? config = null)
        : base(nameof(ConvAutoencoder))
    {
        Config = config ?? new ConvAutoencoderConfig();
        Config.Validate();
        int features = Config.SecondChannels * Config.BottleneckSide * Config.BottleneckSide;
        encoder = ConvolutionalStacks.EncoderBody(Config.FirstChannels, Config.SecondChannels);
        bottleneck = nn.Linear(features, Config.CodeSize);
        expand = nn.Linear(Config.CodeSize, features);
        decoder = ConvolutionalStacks.DecoderBody(Config.FirstChannels, Config.SecondChannels, Config.BottleneckSide);
        RegisterComponents();
    }

    /// <summary>The sizes this model was built with.</summary>
    public ConvAutoencoderConfig Config { get; }

    /// <inheritdoc/>
    public override int InputSize => Config.InputSize;

    /// <inheritdoc/>
    public override int CodeSize => Config.CodeSize;

    /// <inheritdoc/>
    public override ReconstructionLoss LossKind => Config.Loss;

    /// <inheritdoc/>
    public override Tensor Encode(Tensor x) =>
        bottleneck.forward(encoder.forward(x.reshape(-1, 1, Config.ImageSide, Config.ImageSide)));

    /// <inheritdoc/>
    public override Tensor DecodePreActivation(Tensor code) =>
        decoder.forward(nn.functional.relu(expand.forward(code))).reshape(-1, InputSize);
}
