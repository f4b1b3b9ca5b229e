using LatentWorkbench.Models.Vaes;
using TorchSharp;

namespace LatentWorkbench.Latent;

/// <summary>
/// Renders writers' styles as every digit with a conditional VAE: keep z = μ(x, y), change the label. The baseline draws
/// z from the prior instead, so the label alone has to make the digit.
/// </summary>
/// <param name="Images">[classes · N, input]: row-major grid, row c = every style rendered as class c.</param>
/// <param name="Targets">[classes · N] int64: the label each image was decoded with.</param>
/// <param name="Columns">N, the number of styles (grid columns).</param>
public sealed record StyleTransfer(torch.Tensor Images, torch.Tensor Targets, int Columns)
{
    /// <summary>The styles of <paramref name="images"/> ([N, input] with their <paramref name="labels"/> [N]) rendered as each class.</summary>
    public static StyleTransfer Render(ConditionalVae model, torch.Tensor images, torch.Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(model);
        var codec = LatentCodec.Of(model);
        using var codes = codec.Encode(images, labels);
        return Decode(codec, model.Classes, codes);
    }

    /// <summary>The baseline: <paramref name="count"/> codes drawn from N(0, I) with a generator seeded <paramref name="seed"/>, rendered as each class.</summary>
    public static StyleTransfer FromPrior(ConditionalVae model, int count, long seed, torch.Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var on = device ?? torch.CPU;
        using var generator = new torch.Generator((ulong)seed, on);
        using var codes = torch.randn([count, model.LatentSize], generator: generator, device: on);
        return Decode(LatentCodec.Of(model), model.Classes, codes);
    }

    private static StyleTransfer Decode(LatentCodec codec, int classes, torch.Tensor codes)
    {
        long n = codes.shape[0];
        using var scope = torch.NewDisposeScope();
        var tiled = codes.repeat(classes, 1);                                                         // [C·N, latent], class-major
        var targets = torch.arange(classes, dtype: torch.int64, device: codes.device).repeat_interleave(n);   // 0…0, 1…1, …
        var decoded = codec.Decode(tiled, targets);
        return new StyleTransfer(decoded.MoveToOuterDisposeScope(), targets.MoveToOuterDisposeScope(), (int)n);
    }
}
