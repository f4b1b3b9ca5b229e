using LatentWorkbench.Compute;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LatentWorkbench.Models.Gans;

/// <summary>
/// A small MLP GAN (Goodfellow et al. 2014) with the non-saturating generator loss, optionally packed (PacGAN, Lin et al.
/// 2018). Generator: z → hidden → 2·hidden → pixels (ReLU, sigmoid output in [0, 1]); discriminator: m·pixels → 2·hidden →
/// hidden → one logit (LeakyReLU 0.2).
/// </summary>
/// <remarks>
/// Losses on a batch of B real rows (B is cut to a multiple of m): the discriminator minimises
/// Σ_g [softplus(−D(real_g)) + softplus(D(fake_g))] over the B/m packed groups g, the generator Σ_g softplus(−D(G(z)_g)),
/// i.e. −log D and −log(1 − D) as binary cross-entropies on logits. Both are multiplied by m so that they are sums per
/// example like every other model's loss. Packing lets the discriminator see that m generated digits are all alike, which
/// a single example cannot show: the remedy for mode collapse.
/// </remarks>
public sealed class Gan : nn.Module, IAdversarialModel
{
#pragma warning disable IDE1006, SA1300 // PyTorch's state_dict names
    private readonly Sequential generator;
    private readonly Sequential discriminator;
#pragma warning restore IDE1006, SA1300

    /// <summary>Name of the discriminator's loss in <see cref="ModelLoss.Terms"/>.</summary>
    public const string DiscriminatorTerm = "discriminator";

    /// <summary>Name of the generator's loss in <see cref="ModelLoss.Terms"/>.</summary>
    public const string GeneratorTerm = "generator";

    /// <summary>Name of the discriminator's mean probability that a real example is real, times the batch (its epoch mean is that probability).</summary>
    public const string RealScoreTerm = "d_real";

    /// <summary>Creates both networks with PyTorch's default initialisation from the global seed.</summary>
    public Gan(GanConfig? config = null)
        : base(nameof(Gan))
    {
        Config = config ?? new GanConfig();
        Config.Validate();
        TorchRuntime.EnsureInitialized();
        int h = Config.HiddenSize;
        generator = nn.Sequential(
            nn.Linear(Config.NoiseSize, h), nn.ReLU(),
            nn.Linear(h, 2 * h), nn.ReLU(),
            nn.Linear(2 * h, Config.InputSize), nn.Sigmoid());
        discriminator = nn.Sequential(
            nn.Linear(Config.InputSize * Config.Packing, 2 * h), nn.LeakyReLU(0.2),
            nn.Linear(2 * h, h), nn.LeakyReLU(0.2),
            nn.Linear(h, 1));
        RegisterComponents();
    }

    /// <summary>The sizes and optimiser settings.</summary>
    public GanConfig Config { get; }

    /// <inheritdoc/>
    public nn.Module Module => this;

    /// <inheritdoc/>
    public nn.Module Generator => generator;

    /// <inheritdoc/>
    public nn.Module Discriminator => discriminator;

    /// <inheritdoc/>
    public (optim.Optimizer Discriminator, optim.Optimizer Generator) CreateOptimizers() =>
        (optim.Adam(discriminator.parameters(), Config.DiscriminatorLearningRate, Config.Beta1, 0.999),
         optim.Adam(generator.parameters(), Config.GeneratorLearningRate, Config.Beta1, 0.999));

    /// <summary>Generated examples [count, pixels] in [0, 1] from noise drawn with <paramref name="noise"/> (null: the global generator).</summary>
    public Tensor Sample(long count, Generator? noise = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var device = generator.parameters().First().device;
        return generator.forward(randn([count, Config.NoiseSize], device: device, generator: noise));
    }

    /// <summary>The discriminator's logits for <paramref name="examples"/> [B, pixels]: one per packed group of m consecutive rows, [B/m].</summary>
    public Tensor Score(Tensor examples)
    {
        long groups = examples.shape[0] / Config.Packing;
        if (groups == 0)
        {
            throw new ArgumentException($"A batch of {examples.shape[0]} cannot form one packed group of {Config.Packing}.", nameof(examples));
        }

        var packed = examples.narrow(0, 0, groups * Config.Packing).reshape(groups, Config.InputSize * Config.Packing);
        return discriminator.forward(packed).reshape(groups);
    }

    /// <inheritdoc/>
    public ModelLoss DiscriminatorLoss(Tensor real)
    {
        ArgumentNullException.ThrowIfNull(real);
        var realRows = real.reshape(real.shape[0], -1);
        Tensor fake;
        using (no_grad())
        {
            fake = Sample(realRows.shape[0]);
        }

        var realLogits = Score(realRows);
        var fakeLogits = Score(fake);
        int m = Config.Packing;
        var loss = m * (nn.functional.softplus(-realLogits).sum() + nn.functional.softplus(fakeLogits).sum());
        var realScore = m * realLogits.detach().sigmoid().sum();
        return new ModelLoss(loss, [new(DiscriminatorTerm, loss.detach()), new(RealScoreTerm, realScore)]);
    }

    /// <inheritdoc/>
    public ModelLoss GeneratorLoss(long count)
    {
        var loss = Config.Packing * nn.functional.softplus(-Score(Sample(count))).sum();
        return new ModelLoss(loss, [new(GeneratorTerm, loss.detach())]);
    }
}
