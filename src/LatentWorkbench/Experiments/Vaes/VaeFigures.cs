using LatentWorkbench.Data;
using LatentWorkbench.Figures;
using LatentWorkbench.Images;
using LatentWorkbench.Metrics.Likelihood;
using LatentWorkbench.Models.Vaes;
using LatentWorkbench.Reduction;
using LatentWorkbench.Reduction.Pca;
using LatentWorkbench.Training;
using Plotly.NET;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using TorchSharp;

namespace LatentWorkbench.Experiments.Vaes;

/// <summary>
/// The figures of a trained VAE, one call each, so a notebook cell stays one line: loss curves by term, samples
/// from the prior, reconstructions, the posterior means coloured by digit, the decoded 2-D manifold, the
/// likelihood-versus-k curve and the per-example ELBO split.
/// </summary>
public static class VaeFigures
{
    /// <summary>The mean training loss per example of every epoch, one line per term (reconstruction, KL, …) and the total.</summary>
    public static GenericChart LossCurves(IReadOnlyList<EpochReport> epochs, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(epochs);
        if (epochs.Count == 0)
        {
            throw new ArgumentException("There are no epochs to draw.", nameof(epochs));
        }

        var x = epochs.Select(e => (double)e.Epoch).ToList();
        var chart = Charts.Line([.. epochs.Select(e => e.TrainLoss)], "total", x, title, "epoch", "nats per example (train)");
        foreach (string term in epochs[0].Terms.Keys)
        {
            chart = chart.AddLine([.. epochs.Select(e => e.Terms.GetValueOrDefault(term))], term, x);
        }

        return chart;
    }

    /// <summary>A grid of <paramref name="count"/> decoded draws from the prior N(0, I) (seeded).</summary>
    public static Image<L8> PriorSamples(IVariationalAutoencoder model, int count = 64, long seed = 0, int columns = 16, string? title = "Samples from the prior")
    {
        using var samples = VaeSampling.PriorSamples(model, count, seed);
        return Grid(samples, columns, rowLabels: null, title);
    }

    /// <summary>The first <paramref name="count"/> digits of <paramref name="split"/> (top row) above their reconstructions Decode(μ(x)).</summary>
    public static Image<L8> Reconstructions(IVariationalAutoencoder model, MnistSplit split, int count = 16, string? title = "Test digits (top) and their reconstructions")
    {
        ArgumentNullException.ThrowIfNull(split);
        var shown = split.Take(count);
        using var x = shown.Images.alias();
        using var rebuilt = VaeSampling.Reconstruct(model, x);
        using var both = torch.cat([x, rebuilt.cpu()], 0);
        return Grid(both, shown.Count, ["original", "reconstruction"], title);
    }

    /// <summary>The decoded manifold of a 2-latent VAE on the inverse-CDF grid (<see cref="VaeSampling.ManifoldGrid"/>).</summary>
    public static Image<L8> Manifold(IVariationalAutoencoder model, int side = 20, string? title = "The decoded manifold: z on an inverse-CDF grid of N(0, 1)²")
    {
        using var grid = VaeSampling.ManifoldGrid(model, side);
        return Grid(grid, side, rowLabels: null, title, scale: 1);
    }

    /// <summary>
    /// μ of q(z|x) for the first <paramref name="count"/> digits of <paramref name="split"/>, coloured by digit: the two
    /// coordinates themselves for a 2-latent model, else the first two principal components of μ.
    /// </summary>
    public static GenericChart PosteriorMeans(IVariationalAutoencoder model, MnistSplit split, int? count = null, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(split);
        var shown = count is { } c ? split.Take(c) : split;
        using var x = shown.Images.alias();
        using var means = VaeSampling.PosteriorMeans(model, x);
        bool direct = model.LatentSize == 2;
        title ??= direct ? "μ of the test digits (2-latent VAE)" : $"μ of the test digits: first two principal components of the {model.LatentSize}-D means";
        if (direct)
        {
            return Charts.Embedding(means, shown.Labels, title);
        }

        using var xy = new PcaReducer(new PcaOptions { Components = 2 }).Fit(means).Transform(means);
        return Charts.Embedding(xy, shown.Labels, title);
    }

    /// <summary>−ELBO − (−log p̂ₖ) against log₁₀ k for each model: the importance-sampled estimate tightens as k grows.</summary>
    /// <param name="results">A name and a likelihood result per model.</param>
    /// <param name="title">The figure title.</param>
    public static GenericChart LikelihoodGap(IReadOnlyList<(string Name, VaeLikelihoodResult Result)> results, string? title = "How much tighter than the ELBO the estimate gets as k grows")
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0)
        {
            throw new ArgumentException("There are no results to draw.", nameof(results));
        }

        GenericChart? chart = null;
        foreach (var (name, result) in results)
        {
            var logK = result.Curve.Select(e => Math.Log10(e.Samples)).ToList();
            chart = chart is null
                ? Charts.Line(result.GapAt, name, logK, title, "log₁₀ k (importance samples)", "−ELBO − NLL estimate (nats)")
                : chart.AddLine(result.GapAt, name, logK);
        }

        return chart!;
    }

    /// <summary>Each example's reconstruction term against its KL (from an estimate's ELBO split), coloured by digit.</summary>
    /// <param name="estimate">The estimate whose per-example terms are drawn.</param>
    /// <param name="labels">Digits (integer [M], M ≥ the estimate's examples, e.g. <c>MnistSplit.Labels</c>); the first ones are used.</param>
    /// <param name="title">The figure title.</param>
    public static GenericChart ElboSplit(LikelihoodEstimate estimate, torch.Tensor labels, string? title = "Per test digit: reconstruction against KL")
    {
        ArgumentNullException.ThrowIfNull(estimate);
        ArgumentNullException.ThrowIfNull(labels);
        long n = estimate.Reconstruction.shape[0];
        if (labels.dim() != 1 || labels.shape[0] < n)
        {
            throw new ArgumentException($"labels must be [M] with M ≥ {n} (one digit per estimated example); got [{string.Join(", ", labels.shape)}].", nameof(labels));
        }

        using var scope = torch.NewDisposeScope();
        var points = torch.stack([estimate.Reconstruction, estimate.Kl], 1).to(torch.float32);
        return Charts.Scatter(points, labels.narrow(0, 0, n), title, "reconstruction −E_q log p(x|z) (nats)", "KL(q(z|x) ‖ p(z)) (nats)");
    }

    private static Image<L8> Grid(torch.Tensor images, int columns, IReadOnlyList<string>? rowLabels, string? title, int scale = 2) =>
        GridImage.FromImages(images, columns, rowLabels: rowLabels, title: title, style: GridImageStyle.Default with { Scale = scale });
}
