using LatentWorkbench.Compute;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace LatentWorkbench.Models.Gans;

/// <summary>
/// A small MLP GAN (Goodfellow et al. 2014) with the non-saturating generator loss, optionally with a spectrally
/// normalised discriminator (Miyato et al. 2018). Generator: z → hidden → 2·hidden → pixels (ReLU,
/// sigmoid output in [0, 1]); discriminator: pixels → 2·hidden → hidden → one logit (LeakyReLU 0.2).
/// </summary>
/// <remarks>
/// Losses on a batch of B real rows: the discriminator minimises Σ_b [softplus(−D(real_b)) + softplus(D(fake_b))], the
/// generator Σ_b softplus(−D(G(z_b))), i.e. −log D and −log(1 − D) as binary cross-entropies on logits, sums per example
/// like every other model's loss. With spectral normalisation every layer of the discriminator is 1-Lipschitz, so its
/// logit cannot change faster than its input: it cannot push the generated examples' scores to −∞ while the generator
/// catches up, and its gradient keeps pointing the generator towards the real digits instead of vanishing (the
/// remedy for the collapse of <see cref="GanConfig"/>'s default rates).
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
        discriminator = Discriminate(Config);
        RegisterComponents();
    }

    /// <summary>
    /// The discriminator pixels → 2·hidden → hidden → logit, with LeakyReLU 0.2 after each hidden layer, then dropout
    /// where configured; each linear layer spectrally normalised where configured.
    /// </summary>
    private static Sequential Discriminate(GanConfig config)
    {
        int h = config.HiddenSize;
        nn.Module<Tensor, Tensor> Linear(long inputs, long outputs) =>
            config.SpectralNorm ? new SpectralNormLinear(inputs, outputs) : nn.Linear(inputs, outputs);
        var layers = new List<nn.Module<Tensor, Tensor>> { Linear(config.InputSize, 2 * h), nn.LeakyReLU(0.2) };
        if (config.DiscriminatorDropout > 0)
        {
            layers.Add(nn.Dropout(config.DiscriminatorDropout));
        }

        layers.Add(Linear(2 * h, h));
        layers.Add(nn.LeakyReLU(0.2));
        if (config.DiscriminatorDropout > 0)
        {
            layers.Add(nn.Dropout(config.DiscriminatorDropout));
        }

        layers.Add(Linear(h, 1));
        return nn.Sequential(layers);
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

    /// <summary>The discriminator's logits for the batch <paramref name="examples"/> [B, pixels]: [B].</summary>
    public Tensor Score(Tensor examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        return discriminator.forward(examples).reshape(examples.shape[0]);
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
        var loss = nn.functional.softplus(-realLogits).sum() + nn.functional.softplus(fakeLogits).sum();
        var realScore = realLogits.detach().sigmoid().sum();
        return new ModelLoss(loss, [new(DiscriminatorTerm, loss.detach()), new(RealScoreTerm, realScore)]);
    }

    /// <inheritdoc/>
    public ModelLoss GeneratorLoss(long count)
    {
        var loss = nn.functional.softplus(-Score(Sample(count))).sum();
        return new ModelLoss(loss, [new(GeneratorTerm, loss.detach())]);
    }
}
