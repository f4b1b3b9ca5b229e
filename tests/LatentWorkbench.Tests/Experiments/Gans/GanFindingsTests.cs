using LatentWorkbench.Experiments.Gans;
using LatentWorkbench.Reporting;

namespace LatentWorkbench.Tests.Experiments.Gans;

public sealed class GanFindingsTests
{
    private static readonly IReadOnlyList<GanSetting> Gans = GanExperimentOptions.Default.Settings();
    private const string Vae = "MLP VAE β = 1";

    // Two seeds; the equal-rate GAN and the VAE cover the classes given, every other row ten.
    private static SeedTable Table(int[] equalClasses, int[] vaeClasses)
    {
        var table = new SeedTable("samples");
        string[] rows = [GanDiversity.OtherTestDigits, .. Gans.Select(g => g.Name), Vae];
        foreach (string row in rows)
        {
            for (int seed = 0; seed < 2; seed++)
            {
                int classes = row == Gans[0].Name ? equalClasses[seed] : row == Vae ? vaeClasses[seed] : 10;
                table.Add(row, seed, GanDiversity.ClassesCovered, classes).Add(row, seed, GanDiversity.Entropy, Math.Log(classes) + (0.01 * seed))
                    .Add(row, seed, GanDiversity.TopShare, 1.0 / classes).Add(row, seed, GanDiversity.Frechet, 100.0 / classes + seed);
            }
        }

        return table;
    }

    [Theory]
    [InlineData(new[] { 1, 2 }, new[] { 10, 9 }, "the symptom of mode collapse")]
    [InlineData(new[] { 1, 1 }, new[] { 1, 2 }, "but so did the VAE's")]
    [InlineData(new[] { 1, 3 }, new[] { 10, 10 }, "does not show it collapsing")]
    public void Mode_Collapse_Is_Named_Only_When_The_Equal_Rate_Gan_Is_Narrow_With_Every_Seed_And_The_Vae_Is_Not(int[] equal, int[] vae, string verdict)
    {
        var findings = GanFindings.Diversity(Table(equal, vae), Gans, Vae);
        Assert.Single(findings.Sentences, s => s.Contains(verdict, StringComparison.Ordinal));
        Assert.Equal(1 + (2 * (Gans.Count - 1)) + 2, findings.Sentences.Count);
    }
}
