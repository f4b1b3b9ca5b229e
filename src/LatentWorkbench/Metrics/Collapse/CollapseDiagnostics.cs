using LatentWorkbench.Compute;
using LatentWorkbench.Models.Vaes;
using TorchSharp;

namespace LatentWorkbench.Metrics.Collapse;

/// <summary>Encodes a data set with a VAE and measures its posterior collapse (<see cref="PosteriorCollapse"/>).</summary>
public static class CollapseDiagnostics
{
    /// <summary>The <see cref="CollapseReport"/> of <paramref name="model"/> on <paramref name="data"/> ([N, input] on the model's device).</summary>
    /// <param name="model">The VAE (its encoder only; put in eval mode, no gradients).</param>
    /// <param name="data">The examples; MI uses all N (N² doubles of memory: keep N to a few thousand).</param>
    /// <param name="seed">Seed of the MI estimator's draws (a generator of its own: the global one is untouched).</param>
    /// <param name="batchSize">Examples encoded at once.</param>
    public static CollapseReport Measure(IVariationalAutoencoder model, torch.Tensor data, long seed = 0, int batchSize = 500)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        long n = data.shape[0];
        if (n == 0)
        {
            throw new ArgumentException("The data has no examples.", nameof(data));
        }

        model.Module.eval();
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var (means, logVariances) = Batches.Concat(n, batchSize, (start, count) =>
        {
            var posterior = model.Encode(data.narrow(0, start, count));
            return (posterior.Mean, posterior.LogVariance);
        });
        using var generator = new torch.Generator((ulong)seed, data.device);
        return PosteriorCollapse.Measure(new GaussianPosterior(means, logVariances), generator);
    }
}
