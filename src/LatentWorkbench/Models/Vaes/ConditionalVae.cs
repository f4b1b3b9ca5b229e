using LatentWorkbench.Compute;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LatentWorkbench.Models.Vaes;

/// <summary>
/// A conditional VAE (Sohn, Lee &amp; Yan 2015; Kingma et al. 2014's M2 with the label observed): the seed VAE whose
/// encoder sees [x, onehot(y)] and whose decoder sees [z, onehot(y)], so z is free to hold what the label does not
/// say — the writer's style. Keeping z and changing y renders one style as another digit.
/// </summary>
/// <remarks>
/// fc1 (input + classes → hidden, ReLU) → fc21, fc22 (→ μ, log σ²); fc3 (latent + classes → hidden, ReLU) → fc4 (→ input
/// logits). Loss: BCE(sum) + KL(q(z|x, y) ‖ N(0, I))(sum), the terms <c>reconstruction</c> and <c>kl</c> as the seed VAE's.
/// Images are flattened [B, input]; labels are [B] integers in [0, classes). Field names are the PyTorch
/// <c>state_dict</c> names (<c>fc1.weight</c>, …).
/// </remarks>
public class ConditionalVae : nn.Module<Tensor, Tensor, (Tensor Logits, GaussianPosterior Posterior)>, ILabelledTrainableModel
{
#pragma warning disable IDE1006, SA1300 // PyTorch's state_dict names
    private readonly Linear fc1;
    private readonly Linear fc21;
    private readonly Linear fc22;
    private readonly Linear fc3;
    private readonly Linear fc4;
#pragma warning restore IDE1006, SA1300

    /// <summary>Creates the layers with PyTorch's default initialisation from the global seed (<c>torch.manual_seed</c>).</summary>
    public ConditionalVae(ConditionalVaeConfig? config = null)
        : this(config ?? new ConditionalVaeConfig(), nameof(ConditionalVae), outputLayerLabelInputs: 0)
    {
    }

    /// <summary>For a variant whose output layer <c>fc4</c> also reads <paramref name="outputLayerLabelInputs"/> label columns (0 or the classes; see <see cref="OutputLogits"/>).</summary>
    protected ConditionalVae(ConditionalVaeConfig config, string name, int outputLayerLabelInputs)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config;
        Config.Validate();
        TorchRuntime.EnsureInitialized();
        fc1 = nn.Linear(Config.InputSize + Config.Classes, Config.HiddenSize);
        fc21 = nn.Linear(Config.HiddenSize, Config.LatentSize);
        fc22 = nn.Linear(Config.HiddenSize, Config.LatentSize);
        fc3 = nn.Linear(Config.LatentSize + Config.Classes, Config.HiddenSize);
        fc4 = nn.Linear(Config.HiddenSize + outputLayerLabelInputs, Config.InputSize);
        RegisterComponents();
    }

    /// <summary>The sizes this model was built with.</summary>
    public ConditionalVaeConfig Config { get; }

    /// <summary>Latent dimensions.</summary>
    public int LatentSize => Config.LatentSize;

    /// <summary>Number of label values.</summary>
    public int Classes => Config.Classes;

    /// <inheritdoc/>
    public nn.Module Module => this;

    /// <summary>q(z|x, y) for flattened images [B, input] and their labels [B].</summary>
    public GaussianPosterior Encode(Tensor x, Tensor labels)
    {
        var flat = x.view(-1, Config.InputSize);
        var h1 = nn.functional.relu(fc1.forward(torch.cat([flat, OneHot(labels, flat)], 1)));
        return new GaussianPosterior(fc21.forward(h1), fc22.forward(h1));
    }

    /// <summary>Bernoulli logits of p(x|z, y), [B, input], for codes [B, latent] and labels [B].</summary>
    public Tensor DecodeLogits(Tensor z, Tensor labels)
    {
        var oneHot = OneHot(labels, z);
        return OutputLogits(nn.functional.relu(fc3.forward(torch.cat([z, oneHot], 1))), oneHot);
    }

    /// <summary>Decoded pixel means in [0, 1], [B, input]: the sigmoid of <see cref="DecodeLogits"/>.</summary>
    public Tensor Decode(Tensor z, Tensor labels) => DecodeLogits(z, labels).sigmoid();

    /// <summary>Encodes, samples z with the reparameterisation trick, decodes with the same labels: (logits [B, input], q(z|x, y)).</summary>
    public override (Tensor Logits, GaussianPosterior Posterior) forward(Tensor input, Tensor labels)
    {
        var posterior = Encode(input, labels);
        return (DecodeLogits(posterior.Sample(), labels), posterior);
    }

    /// <inheritdoc/>
    public ModelLoss Loss(Tensor inputs, Tensor labels)
    {
        var (logits, posterior) = forward(inputs, labels);
        return VaeLoss.Elbo(logits, inputs.view(-1, Config.InputSize), posterior, KlWeight);
    }

    /// <summary>The weight β of the KL term in <see cref="Loss"/>: 1, the ELBO.</summary>
    protected virtual double KlWeight => 1.0;

    /// <summary>The output layer <c>fc4</c> on the decoder's hidden layer [B, hidden] (the one-hot labels [B, classes] beside it are unused here).</summary>
    protected virtual Tensor OutputLogits(Tensor hidden, Tensor oneHot) => fc4.forward(hidden);

    /// <summary>The output layer, for a variant that feeds it more than the hidden layer.</summary>
    protected Linear OutputLayer => fc4;

    // The one-hot rows, checked first: libtorch's own out-of-range error does not say which argument was wrong.
    private Tensor OneHot(Tensor labels, Tensor like)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.shape.Length != 1 || labels.shape[0] != like.shape[0])
        {
            throw new ArgumentException($"labels must be [B] with B = {like.shape[0]} rows; got shape [{string.Join(", ", labels.shape)}].", nameof(labels));
        }

        var asLong = labels.to(torch.int64);
        if (asLong.numel() > 0 && (asLong.min().item<long>() < 0 || asLong.max().item<long>() >= Config.Classes))
        {
            throw new ArgumentOutOfRangeException(nameof(labels), $"labels must lie in [0, {Config.Classes}); got {asLong.min().item<long>()} … {asLong.max().item<long>()}.");
        }

        return nn.functional.one_hot(asLong, Config.Classes).to(like.dtype);
    }
}
