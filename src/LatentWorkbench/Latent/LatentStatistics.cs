using TorchSharp;

namespace LatentWorkbench.Latent;

/// <summary>
/// How a set of codes spreads: mean and standard deviation of each dimension over the data (the aggregate posterior's
/// spread, for μ of a VAE), and the mean posterior σ per dimension where the model has one. Traversals step in these units.
/// </summary>
/// <param name="Mean">Mean code, [latent] (float64).</param>
/// <param name="AggregateStd">Standard deviation of each dimension over the codes, [latent] (float64).</param>
/// <param name="MeanPosteriorStd">Mean over the data of each dimension's posterior σ, [latent]; null for an autoencoder.</param>
public sealed record LatentStatistics(torch.Tensor Mean, torch.Tensor AggregateStd, torch.Tensor? MeanPosteriorStd)
{
    /// <summary>The statistics of <paramref name="codes"/> ([N, latent], N ≥ 2) and, optionally, their posterior σ ([N, latent]).</summary>
    public static LatentStatistics Of(torch.Tensor codes, torch.Tensor? posteriorStd = null)
    {
        ArgumentNullException.ThrowIfNull(codes);
        if (codes.shape.Length != 2 || codes.shape[0] < 2)
        {
            throw new ArgumentException($"codes must be [N, latent] with N ≥ 2; got [{string.Join(", ", codes.shape)}].", nameof(codes));
        }

        if (posteriorStd is not null && !posteriorStd.shape.SequenceEqual(codes.shape))
        {
            throw new ArgumentException($"posteriorStd must have the codes' shape [{string.Join(", ", codes.shape)}]; got [{string.Join(", ", posteriorStd.shape)}].", nameof(posteriorStd));
        }

        var z = codes.to(torch.float64);
        return new LatentStatistics(z.mean([0]), z.std(0), posteriorStd?.to(torch.float64).mean([0]));
    }

    /// <summary>Latent dimensions.</summary>
    public long LatentSize => Mean.shape[0];

    /// <summary>Dimensions ordered by aggregate standard deviation, largest first (the ones the model uses most; a VAE leaves some at ≈ 0).</summary>
    public IReadOnlyList<int> DimensionsBySpread() =>
        [.. AggregateStd.data<double>().ToArray().Select((s, i) => (s, i)).OrderByDescending(p => p.s).Select(p => p.i)];

    /// <summary>
    /// Standard deviation of the codes projected on the unit vector along <paramref name="direction"/>,
    /// given the codes' covariance: √(ûᵀ Σ û). Needs the codes again, so it is computed from them.
    /// </summary>
    public static double StdAlong(torch.Tensor codes, torch.Tensor direction)
    {
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentNullException.ThrowIfNull(direction);
        using var scope = torch.NewDisposeScope();
        var u = direction.to(torch.float64).to(codes.device);
        double norm = u.norm().item<double>();
        if (!(norm > 0))
        {
            throw new ArgumentException("direction is zero; it has no spread to measure.", nameof(direction));
        }

        return codes.to(torch.float64).matmul(u / norm).std().item<double>();
    }
}
