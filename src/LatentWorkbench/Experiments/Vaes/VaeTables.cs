using LatentWorkbench.Tables;
using Microsoft.Data.Analysis;

namespace LatentWorkbench.Experiments.Vaes;

/// <summary>The result tables of VAE runs as <see cref="DataFrame"/>s (nats per example throughout).</summary>
public static class VaeTables
{
    /// <summary>One row per trained model: its test −ELBO with z sampled and with z = μ, the reconstruction and KL terms, training time, whether it was reused.</summary>
    public static DataFrame Comparison(IReadOnlyList<VaeExperimentResult> results, string? title = "The trained models on the test digits")
    {
        ArgumentNullException.ThrowIfNull(results);
        return DataFrames.FromRows(
            ["model", "test digits", "−ELBO", "reconstruction", "KL", "−ELBO, z = μ", "training s", "from the run store"],
            results.Select(r => new object?[]
            {
                r.Options.Title, r.Options.TestCount ?? 10_000, r.TestLossSampled, r.TestSampled.Reconstruction, r.TestSampled.Kl, r.TestLossMean, r.TrainingSeconds, r.FromCache,
            }),
            title);
    }

    /// <summary>
    /// One row per model: −ELBO and the importance-sampled NLL (± standard error) on the same test subset, the ELBO's gap,
    /// and the NLL at every k of the curve.
    /// </summary>
    /// <param name="results">A name and a likelihood result per model; all must share one set of k.</param>
    /// <param name="title">The table's caption.</param>
    /// <exception cref="ArgumentException">No results, or results with different k.</exception>
    public static DataFrame Likelihood(IReadOnlyList<(string Name, VaeLikelihoodResult Result)> results, string? title = "Evaluation beyond the ELBO: importance-sampled NLL")
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0)
        {
            throw new ArgumentException("There are no results to tabulate.", nameof(results));
        }

        var ks = results[0].Result.Curve.Select(e => e.Samples).ToList();
        if (results.Any(r => !r.Result.Curve.Select(e => e.Samples).SequenceEqual(ks)))
        {
            throw new ArgumentException("Every result must be estimated at the same k to share one table.", nameof(results));
        }

        string[] columns = ["model", "test digits", "−ELBO", $"NLL (k = {ks[^1]})", "± SE", "−ELBO − NLL", .. ks.Select(k => $"NLL k = {k}")];
        return DataFrames.FromRows(
            columns,
            results.Select(r => new object?[] { r.Name, r.Result.TestExamples, r.Result.NegativeElbo, r.Result.NegativeLogLikelihood, r.Result.StandardError, r.Result.ElboGap }
                .Concat(r.Result.Curve.Select(e => (object?)e.MeanNegativeLogLikelihood)).ToArray()),
            title);
    }
}
