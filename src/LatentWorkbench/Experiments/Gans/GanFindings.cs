using LatentWorkbench.Reporting;

namespace LatentWorkbench.Experiments.Gans;

/// <summary>
/// Notebook 06's "what this run shows" for the mode-collapse study, written from the diversity table over seeds
/// (<see cref="GanDiversity.TableOverSeeds"/>): a remedy is compared with the equal-rate GAN through the seeds' spread,
/// and mode collapse is named only when the GAN's samples are narrow while the VAE's are not.
/// </summary>
public static class GanFindings
{
    /// <summary>The most classes a sample set may fall into, with every seed, to count as collapsed onto one or two digits.</summary>
    public const int NarrowClasses = 2;

    /// <summary>
    /// Classes covered by every row; each remedy (every GAN after the first of <paramref name="gans"/>) against the equal-rate
    /// GAN on class entropy and Fréchet distance; whether the equal-rate GAN collapsed (narrow with every seed, the VAE
    /// not); and the VAE's Fréchet distance against the real digits'.
    /// </summary>
    /// <param name="table">The diversity table over seeds.</param>
    /// <param name="gans">The GAN settings, the equal-rate one first (<see cref="GanExperimentOptions.Settings"/>).</param>
    /// <param name="vae">The row of the VAE's samples.</param>
    public static Findings Diversity(SeedTable table, IReadOnlyList<GanSetting> gans, string vae)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(gans);
        string equal = gans[0].Name;
        var findings = new Findings("What this run shows: the GANs' diversity")
            .Add($"Classes covered (mean over seeds): {string.Join("; ", table.Rows.Select(r => $"{r} {table[r, GanDiversity.ClassesCovered].Mean:0.#}"))}.");
        foreach (string remedy in gans.Skip(1).Select(g => g.Name))
        {
            findings.Compare("Class entropy (nats)", equal, table[equal, GanDiversity.Entropy], remedy, table[remedy, GanDiversity.Entropy], higherIsBetter: true, digits: 2)
                .Compare("Fréchet d²", equal, table[equal, GanDiversity.Frechet], remedy, table[remedy, GanDiversity.Frechet], higherIsBetter: false, digits: 1);
        }

        bool Narrow(string row) => table[row, GanDiversity.ClassesCovered].Values.All(c => c <= NarrowClasses);
        findings.Add(!Narrow(equal)
            ? "The equal-rate GAN's samples fell into more than two classes with at least one seed: this run does not show it collapsing onto one or two digits."
            : Narrow(vae)
                ? "The equal-rate GAN's samples fell into at most two classes with every seed, but so did the VAE's: the short training (or a weak classifier), not the GAN objective alone, may be the cause."
                : "The equal-rate GAN's samples fell into at most two classes with every seed while the VAE's covered more: the symptom of mode collapse.");
        return findings.Compare("Fréchet d²", vae, table[vae, GanDiversity.Frechet], GanDiversity.OtherTestDigits, table[GanDiversity.OtherTestDigits, GanDiversity.Frechet], higherIsBetter: false, digits: 1);
    }
}
