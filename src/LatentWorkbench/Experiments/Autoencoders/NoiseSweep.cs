using LatentWorkbench.Models.Autoencoders;
using LatentWorkbench.Tables;
using Microsoft.Data.Analysis;
using TorchSharp;

namespace LatentWorkbench.Experiments.Autoencoders;

/// <summary>
/// How well each model rebuilds the clean digits from corrupted ones, across noise levels: the squared error per
/// image of Reconstruct(x̃) against x (Vincent et al. 2008's test of a denoising autoencoder).
/// </summary>
/// <param name="Kind">The corruption.</param>
/// <param name="Levels">The noise levels, in the order given.</param>
/// <param name="Errors">Model name → one mean squared error per image for each level.</param>
public sealed record NoiseSweep(NoiseKind Kind, IReadOnlyList<double> Levels, IReadOnlyDictionary<string, IReadOnlyList<double>> Errors)
{
    /// <summary>Corrupts <paramref name="clean"/> once per level (the same draws for every model) and scores every reconstructor on it.</summary>
    /// <param name="models">Name → reconstruction map, e.g. <c>["PCA-30"] = ReconstructionErrors.Of(pca30)</c>, <c>["AE-30"] = ae.Reconstruct</c>.</param>
    /// <param name="clean">[N, 784] clean images.</param>
    /// <param name="kind">The corruption.</param>
    /// <param name="levels">Noise levels (validated as <see cref="DenoisingOptions"/>).</param>
    /// <param name="seed">Seed of the corruption draws; level i uses <paramref name="seed"/> + i.</param>
    public static NoiseSweep Run(IReadOnlyDictionary<string, Func<torch.Tensor, torch.Tensor>> models, torch.Tensor clean, NoiseKind kind, IReadOnlyList<double> levels, long seed)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(clean);
        ArgumentNullException.ThrowIfNull(levels);
        if (models.Count == 0 || levels.Count == 0)
        {
            throw new ArgumentException("A noise sweep needs at least one model and one level.", models.Count == 0 ? nameof(models) : nameof(levels));
        }

        var errors = models.Keys.ToDictionary(name => name, _ => new double[levels.Count]);
        for (int i = 0; i < levels.Count; i++)
        {
            using var noisy = Corrupt(clean, kind, levels[i], seed + i);
            foreach (var (name, reconstruct) in models)
            {
                errors[name][i] = ReconstructionErrors.Mean(reconstruct, noisy, clean);
            }
        }

        return new NoiseSweep(kind, levels, errors.ToDictionary(e => e.Key, e => (IReadOnlyList<double>)e.Value));
    }

    /// <summary>One row per noise level: the level, then each model's error (columns in the order of <see cref="Errors"/>).</summary>
    public DataFrame ToDataFrame(string? title = null) => DataFrames.FromRows(
        [LevelColumn(Kind), .. Errors.Keys],
        Levels.Select((level, i) => new object?[] { level }.Concat(Errors.Values.Select(e => (object?)e[i])).ToArray()),
        title);

    private static string LevelColumn(NoiseKind kind) => kind == NoiseKind.Gaussian ? "noise σ" : "corrupted fraction";

    /// <summary>A corrupted copy of <paramref name="clean"/> (<see cref="Corruption.Apply"/>) drawn from a generator seeded with <paramref name="seed"/>.</summary>
    public static torch.Tensor Corrupt(torch.Tensor clean, NoiseKind kind, double level, long seed)
    {
        ArgumentNullException.ThrowIfNull(clean);
        new DenoisingOptions(kind, level, seed).Validate();
        using var generator = new torch.Generator((ulong)seed, clean.device);
        using var noGrad = torch.no_grad();
        return Corruption.Apply(clean, kind, level, generator);
    }
}
