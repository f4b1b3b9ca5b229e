using LatentWorkbench.Metrics.Collapse;
using LatentWorkbench.Reporting;

namespace LatentWorkbench.Experiments.Collapse;

/// <summary>
/// Notebook 06's "what this run shows" for the posterior-collapse study, written from the tables over seeds: a remedy
/// is said to raise I(x; z) only when its seeds tell it apart from the plain ELBO's (<see cref="SeedSpread.DiffersFrom"/>),
/// never from one seed.
/// </summary>
public static class CollapseFindings
{
    /// <summary>
    /// Each remedy against the plain ELBO (the first of <paramref name="settings"/>) on I(x; z) and the NLL, which remedies
    /// the seeds show raising I(x; z), and, from <paramref name="firstSeed"/>'s runs (empty: left out), the ELBO's
    /// curves, how many dimensions free bits hold near λ, and the active units.
    /// </summary>
    /// <param name="table">The remedies over seeds (<see cref="CollapseFigures.TableOverSeeds"/>).</param>
    /// <param name="settings">The ELBO, then the remedies (<see cref="CollapseExperimentOptions.Remedies"/>).</param>
    /// <param name="firstSeed">The same settings' results for the seed the figures show, in the same order.</param>
    public static Findings Remedies(SeedTable table, IReadOnlyList<CollapseSetting> settings, IReadOnlyList<CollapseResult> firstSeed)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(firstSeed);
        string elbo = settings[0].Name;
        var elboMi = table[elbo, CollapseFigures.MutualInformation];
        var findings = new Findings("What this run shows: the remedies against the plain ELBO");
        foreach (string remedy in settings.Skip(1).Select(s => s.Name))
        {
            findings.Compare("I(x; z)", elbo, elboMi, remedy, table[remedy, CollapseFigures.MutualInformation], higherIsBetter: true, digits: 2)
                .Compare("NLL", elbo, table[elbo, CollapseFigures.NegativeLogLikelihood], remedy, table[remedy, CollapseFigures.NegativeLogLikelihood], higherIsBetter: false, digits: 2);
        }

        var raised = settings.Skip(1).Select(s => s.Name)
            .Where(name => table[name, CollapseFigures.MutualInformation] is var mi && mi.Mean > elboMi.Mean && mi.DiffersFrom(elboMi) == true)
            .ToList();
        findings.Add(elboMi.Count < 2
            ? "With one seed no remedy can be said to work: rerun with several seeds (`--set seeds=0,1,2`) to see which differences outlast the seed."
            : raised.Count == 0
                ? $"No remedy raised I(x; z) above the plain ELBO's by more than the spread of these {elboMi.Count} seeds."
                : $"Raised I(x; z) above the plain ELBO's by more than the spread of these {elboMi.Count} seeds: {string.Join(", ", raised)}.");
        if (firstSeed.Count > 0)
        {
            AddOverTraining(findings, firstSeed);
        }

        return findings;
    }

    /// <summary>
    /// The β sweep: KL, I(x; z) and reconstruction from the first β to the last, the β of the lowest NLL, the range of
    /// active units, and the sweep's β nearest 1 against the autoregressive VAE's plain ELBO (KL and I(x; z)).
    /// </summary>
    /// <param name="sweep">The β sweep over seeds.</param>
    /// <param name="betas">The sweep's settings in β order (<see cref="CollapseExperimentOptions.BetaSweep"/>).</param>
    /// <param name="nearestElbo">The name of the sweep's setting nearest β = 1 (<see cref="CollapseExperiment.NearestElbo"/>).</param>
    /// <param name="remedies">The autoregressive VAEs over seeds.</param>
    /// <param name="elbo">The name of their plain-ELBO row.</param>
    public static Findings BetaSweep(SeedTable sweep, IReadOnlyList<CollapseSetting> betas, string nearestElbo, SeedTable remedies, string elbo)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        ArgumentNullException.ThrowIfNull(betas);
        ArgumentNullException.ThrowIfNull(remedies);
        string first = betas[0].Name, last = betas[^1].Name;
        string bestNll = betas.Select(b => b.Name).MinBy(name => sweep[name, CollapseFigures.NegativeLogLikelihood].Mean)!;
        double Mean(string row, string measure) => sweep[row, measure].Mean;
        return new Findings("What this run shows: the β sweep")
            .Add($"From {first} to {last}, the mean KL went from {Mean(first, CollapseFigures.Kl):F2} to {Mean(last, CollapseFigures.Kl):F2} nats and I(x; z) from {Mean(first, CollapseFigures.MutualInformation):F2} to {Mean(last, CollapseFigures.MutualInformation):F2}; reconstruction from {Mean(first, CollapseFigures.Reconstruction):F1} to {Mean(last, CollapseFigures.Reconstruction):F1} nats.")
            .Add($"The lowest mean NLL is at {bestNll} ({sweep[bestNll, CollapseFigures.NegativeLogLikelihood].Format(2)} nats).")
            .Add($"Active units range from {betas.Min(b => Mean(b.Name, CollapseFigures.ActiveUnits)):0.#} to {betas.Max(b => Mean(b.Name, CollapseFigures.ActiveUnits)):0.#} (mean over seeds) across the sweep.")
            .Compare("KL", $"MLP VAE {nearestElbo}", sweep[nearestElbo, CollapseFigures.Kl], $"autoregressive VAE {elbo}", remedies[elbo, CollapseFigures.Kl], digits: 2)
            .Compare("I(x; z)", $"MLP VAE {nearestElbo}", sweep[nearestElbo, CollapseFigures.MutualInformation], $"autoregressive VAE {elbo}", remedies[elbo, CollapseFigures.MutualInformation], digits: 2);
    }

    // The first seed's curves and final posteriors: the ELBO's first and last epoch, free bits against λ, active units.
    private static void AddOverTraining(Findings findings, IReadOnlyList<CollapseResult> firstSeed)
    {
        var elbo = firstSeed[0];
        long seed = elbo.Seed;
        IReadOnlyList<double> mi = elbo.Curve(CollapseMonitor.MutualInformation), kl = elbo.Curve(CollapseMonitor.Kl);
        findings.Add($"Over training (seed {seed}), the plain ELBO's I(x; z) went from {mi[0]:F2} nats after the first epoch to {mi[^1]:F2} after the last, its KL from {kl[0]:F2} to {kl[^1]:F2}.");
        if (firstSeed.FirstOrDefault(r => r.Setting.Regularization.FreeBits > 0) is { } freeBits)
        {
            double lambda = freeBits.Setting.Regularization.FreeBits;
            // Nine tenths: a dimension held at λ by the hinge sits at λ up to the noise of the probe's estimate.
            int Held(CollapseResult r) => r.Collapse.KlPerDimension.Count(d => d >= 0.9 * lambda);
            findings.Add($"With free bits (seed {seed}), {Held(freeBits)} of {freeBits.Collapse.LatentSize} dimensions end with a KL of at least nine tenths of λ = {lambda:0.##}; with the plain ELBO, {Held(elbo)}.");
        }

        findings.Add($"Active units after training (seed {seed}): {string.Join("; ", firstSeed.Select(r => $"{r.Setting.Name} {r.Collapse.ActiveUnits} of {r.Collapse.LatentSize}"))}.");
    }
}
