using System.Globalization;
using LatentWorkbench.Reporting;

namespace LatentWorkbench.Experiments.Gans;

/// <summary>
/// Notebook 06's "what this run shows" for the mode-collapse study, written from the diversity table over seeds
/// (<see cref="GanDiversity.TableOverSeeds"/>): collapse and its remedy are named only when every seed agrees, and the
/// remedy is compared with the collapsing GAN (and with itself on less diverse data) through the seeds' spread.
/// </summary>
public static class GanFindings
{
    /// <summary>The most classes a GAN's samples may fall into, with every seed, to count as collapsed.</summary>
    public const int CollapsedClasses = 3;

    /// <summary>The fewest classes (of 10) a GAN's samples must cover, with every seed, for a remedy to count as holding.</summary>
    public const int RemedyClasses = 8;

    /// <summary>
    /// Classes covered seed by seed; the remedy against the collapsing GAN on class entropy and Fréchet distance; whether
    /// the collapsing GAN collapsed (at most <see cref="CollapsedClasses"/> classes with every seed, the VAE not); whether
    /// the remedy held (at least <see cref="RemedyClasses"/> with every seed); the VAE's Fréchet distance against the real digits'.
    /// </summary>
    /// <param name="table">The diversity table over seeds.</param>
    /// <param name="collapsing">The row of the setting meant to collapse (<see cref="GanExperimentOptions.Collapsing"/>).</param>
    /// <param name="remedy">The row of its remedy (<see cref="GanExperimentOptions.Remedy"/>).</param>
    /// <param name="vae">The row of the VAE's samples.</param>
    public static Findings Diversity(SeedTable table, string collapsing, string remedy, string vae)
    {
        ArgumentNullException.ThrowIfNull(table);
        var findings = new Findings("What this run shows: the GANs' diversity")
            .Add($"Classes covered, seed by seed: {string.Join("; ", table.Rows.Select(r => $"{r} {Classes(table, r)}"))}.")
            .Compare("Class entropy (nats)", collapsing, table[collapsing, GanDiversity.Entropy], remedy, table[remedy, GanDiversity.Entropy], higherIsBetter: true, digits: 2)
            .Compare("Fréchet d²", collapsing, table[collapsing, GanDiversity.Frechet], remedy, table[remedy, GanDiversity.Frechet], higherIsBetter: false, digits: 1);
        bool Collapsed(string row) => table[row, GanDiversity.ClassesCovered].Values.All(c => c <= CollapsedClasses);
        findings.Add(!Collapsed(collapsing)
            ? $"The {collapsing}'s samples fell into more than {CollapsedClasses} classes with at least one seed: this run does not show it collapsing with every seed."
            : Collapsed(vae)
                ? $"The {collapsing}'s samples fell into at most {CollapsedClasses} classes with every seed, but so did the VAE's: the short training (or a weak classifier), not the GAN objective alone, may be the cause."
                : $"The {collapsing}'s samples fell into at most {CollapsedClasses} classes with every seed while the VAE's covered more: the symptom of mode collapse.");
        findings.Add(
            table[remedy, GanDiversity.ClassesCovered].Values.All(c => c >= RemedyClasses),
            $"The {remedy} GAN covered at least {RemedyClasses} of the 10 classes with every seed: the remedy held in this run.",
            $"The {remedy} GAN covered fewer than {RemedyClasses} classes with at least one seed: the remedy did not hold in this run.");
        return findings.Compare("Fréchet d²", vae, table[vae, GanDiversity.Frechet], GanDiversity.OtherTestDigits, table[GanDiversity.OtherTestDigits, GanDiversity.Frechet], higherIsBetter: false, digits: 1);
    }

    /// <summary>
    /// The data-diversity experiment: the remedy's GAN trained on every distinct digit (<paramref name="full"/>) against
    /// the same GAN trained on a few distinct digits repeated (<paramref name="few"/>), and, where given, that GAN with a
    /// training choice (<paramref name="choice"/>) on the few digits; classes covered seed by seed, entropy and Fréchet distance.
    /// </summary>
    public static Findings DataDiversity(SeedTable table, string full, string few, string? choice = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        string[] rows = choice is null ? [full, few] : [full, few, choice];
        var findings = new Findings("What this run shows: data diversity and collapse")
            .Add($"Classes covered, seed by seed: {string.Join("; ", rows.Select(r => $"{r} {Classes(table, r)}"))}.")
            .Compare("Class entropy (nats)", full, table[full, GanDiversity.Entropy], few, table[few, GanDiversity.Entropy], higherIsBetter: true, digits: 2)
            .Compare("Fréchet d²", full, table[full, GanDiversity.Frechet], few, table[few, GanDiversity.Frechet], higherIsBetter: false, digits: 1);
        if (choice is not null)
        {
            findings.Compare("Class entropy (nats)", few, table[few, GanDiversity.Entropy], choice, table[choice, GanDiversity.Entropy], higherIsBetter: true, digits: 2)
                .Compare("Fréchet d²", few, table[few, GanDiversity.Frechet], choice, table[choice, GanDiversity.Frechet], higherIsBetter: false, digits: 1);
        }

        return findings;
    }

    private static string Classes(SeedTable table, string row) =>
        string.Join(", ", table[row, GanDiversity.ClassesCovered].Values.Select(c => c.ToString("0", CultureInfo.InvariantCulture)));
}
