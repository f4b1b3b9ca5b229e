using LatentWorkbench.Compute;
using LatentWorkbench.Models.Autoencoders;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LatentWorkbench.Models.Vaes;

/// <summary>
/// A convolutional VAE on 1×s×s images: conv body (<see cref="ConvolutionalStacks"/>) → <c>fc_mu</c>, <c>fc_logvar</c>;
/// z → <c>expand</c> (Linear + ReLU) → transposed-conv body → Bernoulli logits; loss BCE(sum) + KL(sum) as the seed VAE.
/// </summary>
/// <remarks>Takes and returns flattened images ([B, s²]); q(z|x) is [B, latent].</remarks>
public sealed class ConvVae : nn.Module<Tensor, (Tensor Logits, GaussianPosterior Posterior)>, IVariationalAutoencoder
{
#pragma warning disable IDE1006, SA1300 // PyTorch's state_dict names
    private readonly Sequential encoder;
    private readonly Linear fc_mu;
    private readonly Linear fc_logvar;
    private readonly Linear expand;
    private readonly Sequential decoder;
#pragma warning restore IDE1006, SA1300

    /// <summary>Creates the layers with PyTorch's default initialisation from the global seed.</summary>
    public ConvVae(ConvVaeConfig? config = null)
        : base(nameof(ConvVae))
    {
        Config = config ?? new ConvVaeConfig();
        Config.Validate();
        TorchRuntime.EnsureInitialized();
        int features = Config.SecondChannels * Config.BottleneckSide * Config.BottleneckSide;
        encoder = ConvolutionalStacks.EncoderBody(Config.FirstChannels, Config.SecondChannels);
        fc_mu = nn.Linear(features, Config.LatentSize);
        fc_logvar = nn.Linear(features, Config.LatentSize);
        expand = nn.Linear(Config.LatentSize, features);
        decoder = ConvolutionalStacks.DecoderBody(Config.FirstChannels, Config.SecondChannels, Config.BottleneckSide);
        RegisterComponents();
    }

    /// <summary>The sizes this model was built with.</summary>
    public ConvVaeConfig Config { get; }

    /// <inheritdoc/>
    public int LatentSize => Config.LatentSize;

    /// <inheritdoc/>
    public nn.Module Module => this;

    /// <inheritdoc/>
    public GaussianPosterior Encode(Tensor x)
    {
        var h = encoder.forward(x.reshape(-1, 1, Config.ImageSide, Config.ImageSide));
        return new GaussianPosterior(fc_mu.forward(h), fc_logvar.forward(h));
    }

    /// <inheritdoc/>
    public Tensor DecodeLogits(Tensor z) =>
        decoder.forward(nn.functional.relu(expand.forward(z))).reshape(-1, Config.InputSize);

    /// <summary>Encodes, samples z with the reparameterisation trick, decodes: (logits [B, s²], q(z|x)).</summary>
    public override (Tensor Logits, GaussianPosterior Posterior) forward(Tensor input)
    {
        var pass = VaeForward.Of(this, input);
        return (pass.Logits, pass.Posterior);
    }

    /// <inheritdoc/>
    public ModelLoss Loss(Tensor batch)
    {
        var pass = VaeForward.Of(this, batch);
        return VaeLoss.Elbo(pass.Logits, pass.X, pass.Posterior);
    }
}
