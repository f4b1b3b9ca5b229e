using LatentWorkbench.Models.Gans;
using TorchSharp;

namespace LatentWorkbench.Tests.Models.Gans;

/// <summary>The remedy's variant (spectral norm, with dropout as in the data-diversity experiment) meets the same contract.</summary>
public sealed class SpectralNormGanTests : AdversarialModelContract<Gan>
{
    private static readonly GanConfig Small = new(InputSize: 6, NoiseSize: 3, HiddenSize: 4, SpectralNorm: true, DiscriminatorDropout: 0.3);

    protected override int InputSize => Small.InputSize;

    protected override Gan Create(long seed)
    {
        torch.manual_seed(seed);
        return new Gan(Small);
    }

    protected override torch.Tensor Generate(Gan model, long count, torch.Generator noise) => model.Sample(count, noise);
}
