using System.Globalization;
using LatentWorkbench.Models.Vaes;
using LatentWorkbench.Training;

namespace LatentWorkbench.Experiments.Vaes;

/// <summary>
/// Everything that defines a VAE run of the family (MLP or conv network; the plain ELBO, a β-VAE, an IWAE or any other <see cref="VaeVariantConfig"/>); the single
/// source of its defaults, which are the seed recipe of pytorch/examples vae/main.py: MLP 784-400-20, plain ELBO,
/// Adam 1e-3, batch 128, 10 epochs, seed 0, all 60k training digits, test noise seed 1234. The CLI's
/// <c>train vae</c> and <c>bench vae-epoch</c> and the notebooks bind to it.
/// </summary>
/// <remarks>
/// The network's sizes live in the record of its architecture (<see cref="Model"/> for the MLP, <see cref="Conv"/> for
/// the conv VAE); <see cref="WithLatentSize"/> sets the latent size of both. Only the chosen one shapes the model and
/// the cache key.
/// </remarks>
public sealed record VaeExperimentOptions : StudyOptions
{
    /// <summary>The defaults (the seed recipe).</summary>
    public static VaeExperimentOptions Default { get; } = new();

    /// <summary>
    /// The defaults of <paramref name="architecture"/>: the seed recipe for the MLP (<see cref="Default"/>); for the conv
    /// network the same with <see cref="ConvEpochs"/> epochs, since a conv epoch costs several MLP epochs on a CPU.
    /// </summary>
    public static VaeExperimentOptions Defaults(VaeArchitecture architecture) => architecture == VaeArchitecture.Conv
        ? Default with { Architecture = architecture, Training = Default.Training with { Epochs = ConvEpochs } }
        : Default with { Architecture = architecture };

    /// <summary>The conv VAE's epochs at the default budget (<see cref="Defaults"/>): what fits notebook 03's time on 2 CPU cores.</summary>
    public const int ConvEpochs = 2;

    // The quick budget: a smoke run of the mechanics (the conv network trains one epoch, its epochs cost several MLP epochs).
    private const int QuickTrainCount = 2_000;
    private const int QuickTestCount = 1_000;
    private const int QuickEpochs = 2;
    private const int QuickConvEpochs = 1;

    /// <summary>Which network to build.</summary>
    public VaeArchitecture Architecture { get; init; } = VaeArchitecture.Mlp;

    /// <summary>Layer sizes of the MLP network (the seed VAE's).</summary>
    public VaeConfig Model { get; init; } = new();

    /// <summary>Sizes of the conv network.</summary>
    public ConvVaeConfig Conv { get; init; } = new();

    /// <summary>The variant around the network: <see cref="ElboConfig"/> (the plain ELBO), <see cref="BetaVaeConfig"/>,
    /// <see cref="IwaeConfig"/>, <see cref="KlRegularization"/>, or one a notebook cell declares.</summary>
    public VaeVariantConfig Variant { get; init; } = ElboConfig.Instance;

    /// <summary>Epochs, batch size, clipping, checkpoint.</summary>
    public TrainerOptions Training { get; init; } = new();

    /// <summary>Optimiser and schedule.</summary>
    public OptimizerOptions Optimizer { get; init; } = new();

    /// <summary>Seed of the sampling noise in the test pass (the PyTorch anchor's 1234).</summary>
    public long TestNoiseSeed { get; init; } = 1234;

    /// <summary>Latent dimensions of the chosen network.</summary>
    public int LatentSize => Architecture == VaeArchitecture.Conv ? Conv.LatentSize : Model.LatentSize;

    /// <summary>What the run is, for progress displays and tables: e.g. <c>VAE 784-400-20 · ELBO</c>, <c>conv VAE 32-64-20 · IWAE K=5</c>.</summary>
    public string Title => Architecture == VaeArchitecture.Conv
        ? string.Create(CultureInfo.InvariantCulture, $"conv VAE {Conv.FirstChannels}-{Conv.SecondChannels}-{Conv.LatentSize} · {Variant.Label()}")
        : string.Create(CultureInfo.InvariantCulture, $"VAE {Model.InputSize}-{Model.HiddenSize}-{Model.LatentSize} · {Variant.Label()}");

    /// <summary>These options with <paramref name="latentSize"/> latent dimensions in both networks' sizes.</summary>
    public VaeExperimentOptions WithLatentSize(int latentSize) =>
        this with { Model = Model with { LatentSize = latentSize }, Conv = Conv with { LatentSize = latentSize } };

    /// <inheritdoc/>
    public override void Validate()
    {
        ValidateCounts();
        if (!Enum.IsDefined(Architecture))
        {
            throw new ArgumentOutOfRangeException(nameof(Architecture), Architecture, "Architecture must be Mlp or Conv.");
        }

        if (Architecture == VaeArchitecture.Conv)
        {
            Conv.Validate();
        }
        else
        {
            Model.Validate();
        }

        ArgumentNullException.ThrowIfNull(Variant, nameof(Variant));
        Variant.Validate();
        Training.Validate();
        Optimizer.Validate();
    }

    /// <inheritdoc/>
    /// <remarks>Quick (notebook 03's smoke run): the first 2,000 training and 1,000 test digits, 2 epochs (the conv network 1).</remarks>
    protected override VaeExperimentOptions ForBudget(StudyBudget budget) => budget switch
    {
        StudyBudget.Quick => this with
        {
            TrainCount = QuickTrainCount,
            TestCount = QuickTestCount,
            Training = Training with { Epochs = Architecture == VaeArchitecture.Conv ? QuickConvEpochs : QuickEpochs },
        },
        StudyBudget.Long => this with { TrainCount = null, TestCount = null, Training = Training with { Epochs = Training.Epochs * LongEpochFactor } },
        _ => throw UnknownBudget(budget),
    };
}
