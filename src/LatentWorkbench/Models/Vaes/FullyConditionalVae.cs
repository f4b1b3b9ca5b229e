using TorchSharp;
using static TorchSharp.torch;

namespace LatentWorkbench.Models.Vaes;

/// <summary>
/// A conditional VAE whose decoder reads the label at every layer and whose KL term weighs β: the fix for the plain
/// <see cref="ConditionalVae"/>'s code holding the class (notebook 05's probe), so that a writer's code or a prior
/// sample decoded with a label renders that label. Only the output layer and the loss differ.
/// </summary>
/// <remarks>
/// Decoder: fc3 ([z, onehot(y)] → hidden, ReLU) → fc4 ([hidden, onehot(y)] → input logits), so the label reaches the
/// pixels through a path that z cannot override (Linear, ReLU and concatenation only; the explorer runs it in
/// JavaScript with exactly those ops). Loss: BCE(sum) + β·KL(q(z|x, y) ‖ N(0, I))(sum) with the reported terms
/// unweighted, as <see cref="BetaVae"/> (Higgins et al. 2017). β &gt; 1 prices every nat of information in z above its
/// reconstruction value, and class information is worth nothing to a decoder that is given the label.
/// State-dict names are the plain model's; fc4.weight is [input, hidden + classes].
/// </remarks>
public sealed class FullyConditionalVae : ConditionalVae
{
    /// <summary>Creates the layers with PyTorch's default initialisation from the global seed (defaults: <c>ConditionalVaeExperimentOptions</c>).</summary>
    public FullyConditionalVae(FullyConditionalVaeConfig config)
        : base(Checked(config).Network, nameof(FullyConditionalVae), outputLayerLabelInputs: config.Network.Classes)
    {
        VariantConfig = config;
    }

    /// <summary>The sizes and β this model was built with.</summary>
    public FullyConditionalVaeConfig VariantConfig { get; }

    /// <summary>The KL weight β.</summary>
    public double Beta => VariantConfig.Beta;

    /// <inheritdoc/>
    protected override double KlWeight => VariantConfig.Beta;

    /// <summary>fc4 on [hidden, onehot(y)]: the label reaches the output layer directly.</summary>
    protected override Tensor OutputLogits(Tensor hidden, Tensor oneHot) => OutputLayer.forward(torch.cat([hidden, oneHot], 1));

    // Validated before the base constructor builds layers from it.
    private static FullyConditionalVaeConfig Checked(FullyConditionalVaeConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        return config;
    }
}
