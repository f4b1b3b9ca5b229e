using LatentWorkbench.Compute;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LatentWorkbench.Models.Classifiers;

/// <summary>
/// A small convolutional digit classifier (the LeNet pattern of pytorch/examples mnist, narrower): it measures what
/// decoded images are (class probabilities) and gives penultimate-layer features for Fréchet distances.
/// </summary>
/// <remarks>
/// [B, s²] → [B, 1, s, s] → <c>conv1</c> (1→c₁, 5×5, pad 2) → ReLU → max-pool 2 → <c>conv2</c> (c₁→c₂, 5×5, pad 2) → ReLU
/// → max-pool 2 → flatten [B, c₂(s/4)²] → dropout → <c>fc1</c> → ReLU = the features [B, hidden] → dropout → <c>fc2</c>
/// → logits [B, classes]. Loss: cross-entropy summed over the batch (term <c>cross_entropy</c>). Dropout acts only in
/// training mode. Field names are the PyTorch <c>state_dict</c> names (<c>conv1.weight</c>, …, <c>fc2.bias</c>).
/// </remarks>
public sealed class ConvClassifier : nn.Module<Tensor, Tensor>, ILabelledTrainableModel
{
    /// <summary>Name of the loss term in <see cref="ModelLoss.Terms"/>.</summary>
    public const string CrossEntropy = "cross_entropy";

#pragma warning disable IDE1006, SA1300 // PyTorch's state_dict names
    private readonly Conv2d conv1;
    private readonly Conv2d conv2;
    private readonly Linear fc1;
    private readonly Linear fc2;
    private readonly Dropout dropout;
#pragma warning restore IDE1006, SA1300

    /// <summary>Creates the layers with PyTorch's default initialisation from the global seed (<c>torch.manual_seed</c>).</summary>
    public ConvClassifier(ConvClassifierConfig? config = null)
        : base(nameof(ConvClassifier))
    {
        Config = config ?? new ConvClassifierConfig();
        Config.Validate();
        TorchRuntime.EnsureInitialized();
        conv1 = nn.Conv2d(1, Config.FirstChannels, 5, padding: 2);
        conv2 = nn.Conv2d(Config.FirstChannels, Config.SecondChannels, 5, padding: 2);
        fc1 = nn.Linear(Config.FlattenedSize, Config.HiddenSize);
        fc2 = nn.Linear(Config.HiddenSize, Config.Classes);
        dropout = nn.Dropout(Config.Dropout);
        RegisterComponents();
    }

    /// <summary>The sizes this model was built with.</summary>
    public ConvClassifierConfig Config { get; }

    /// <inheritdoc/>
    public nn.Module Module => this;

    /// <summary>Penultimate-layer features of a batch, [B, s²] → [B, hidden] (after <c>fc1</c>'s ReLU, before the last dropout).</summary>
    public Tensor Features(Tensor x)
    {
        var h = x.reshape(-1, 1, Config.ImageSide, Config.ImageSide);
        h = nn.functional.max_pool2d(nn.functional.relu(conv1.forward(h)), 2);
        h = nn.functional.max_pool2d(nn.functional.relu(conv2.forward(h)), 2);
        return nn.functional.relu(fc1.forward(dropout.forward(h.flatten(1))));
    }

    /// <summary>Class logits of a batch, [B, s²] → [B, classes].</summary>
    public override Tensor forward(Tensor input) => fc2.forward(dropout.forward(Features(input)));

    /// <inheritdoc/>
    public ModelLoss Loss(Tensor inputs, Tensor labels)
    {
        var loss = nn.functional.cross_entropy(forward(inputs), labels, reduction: nn.Reduction.Sum);
        return new ModelLoss(loss, [new(CrossEntropy, loss)]);
    }
}
